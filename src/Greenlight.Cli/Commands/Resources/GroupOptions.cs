using System.CommandLine;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Options;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Resources;

/// <summary>
/// The settings options of <c>group create</c> and <c>group update</c>, and the DeploymentGroupInput they make. Only
/// options given on the command line are sent, so an update changes just those and the server keeps the rest.
/// </summary>
internal sealed class GroupOptions
{
    private static readonly string[] RollbackEvents = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM", "DEPLOYMENT_STOP_ON_REQUEST"];

    public Option<string> Config { get; } = new("--config", "-c")
    {
        Description = "The deployment configuration (default CodeDeployDefault.OneAtATime; see greenlight config list).",
        HelpName = "NAME",
    };

    public Option<string> Type { get; } = Choices.Only(new Option<string>("--type", "--style")
    {
        Description = "Deployment type: in-place (IN_PLACE, the default) or blue-green (BLUE_GREEN: always with traffic control).",
        HelpName = "in-place|blue-green",
    }, "in-place", "blue-green", "IN_PLACE", "BLUE_GREEN");

    public Option<bool?> TrafficControl { get; } = new("--traffic-control")
    {
        Description = "Route traffic through the load balancer during deployments (WITH_TRAFFIC_CONTROL); --traffic-control false turns it off.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<TagFilter[]> TagFilters { get; } = TagOptions.Filters();

    public Option<TagFilter[][]> TagSet { get; } = TagOptions.TagSet();

    public Option<string[]> AutoScalingGroups { get; } = new("--asg")
    {
        Description = "An auto scaling group whose instances the group deploys to. Repeatable; on update, replaces the list.",
        HelpName = "NAME",
    };

    public Option<string> OutdatedInstances { get; } = Choices.Only(new Option<string>("--outdated-instances")
    {
        Description = "What happens to instances launched while a deployment runs: UPDATE (deploy to them after it, the default) or IGNORE.",
        HelpName = "UPDATE|IGNORE",
    }, "UPDATE", "IGNORE");

    public Option<bool?> TerminationHook { get; } = new("--termination-hook")
    {
        Description = "Install a termination lifecycle hook on the group's auto scaling groups, so instances finish deployments before they stop; --termination-hook false removes it.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<AutoRollbackConfiguration> AutoRollback { get; } = new("--auto-rollback")
    {
        Description = $"Roll back automatically on these events: {string.Join(",", RollbackEvents)} (comma-separated), or off.",
        HelpName = "EVENTS|off",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (text.Equals("off", StringComparison.OrdinalIgnoreCase))
            {
                return new AutoRollbackConfiguration(false, []);
            }

            var events = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(e => e.ToUpperInvariant()).ToArray();
            if (events.Length > 0 && events.All(RollbackEvents.Contains))
            {
                return new AutoRollbackConfiguration(true, events);
            }

            result.AddError($"--auto-rollback '{text}' must be off or events from {string.Join(", ", RollbackEvents)}, separated by commas");
            return null;
        },
    };

    public Option<string[]> Alarms { get; } = new("--alarm")
    {
        Description = "alarmConfiguration: an alarm (greenlight alarm create) whose ALARM stops the group's deployments. Repeatable, up to 10; " +
                      "replaces the list on update; --alarm none clears it.",
        HelpName = "NAME",
    };

    public Option<bool?> IgnorePollAlarmFailure { get; } = new("--ignore-poll-alarm-failure")
    {
        Description = "With --alarm: carry on when an alarm's source cannot be read (default: such a failure stops the deployment).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<int?> WatchMinutes { get; } = CountOption.Create("--watch-minutes",
        "After a deployment's instances succeed, watch its alarms this many minutes (0-2880) before it counts as known-good.", "MINUTES");

    public Option<int?> WatchSeconds { get; } = CountOption.Create("--watch-seconds",
        "Like --watch-minutes in seconds (0-172800), for short windows; wins over minutes.", "SECONDS");

    public BlueGreenGroupOptions BlueGreen { get; } = new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Config, Type, TrafficControl, TagFilters, TagSet, AutoScalingGroups, OutdatedInstances, TerminationHook, AutoRollback, Alarms, IgnorePollAlarmFailure, WatchMinutes, WatchSeconds }.Concat(BlueGreen.All))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether any style option was given (an update then needs the current style for the other half).</summary>
    public bool ChangesStyle(ParseResult parse) => parse.GetResult(Type) is not null || parse.GetResult(TrafficControl) is not null;

    /// <summary>Whether an update needs the group as it is: to keep the style half or the blue/green options not given.</summary>
    public bool NeedsCurrent(ParseResult parse) => ChangesStyle(parse) || BlueGreen.ChangesBlueGreen(parse);

    /// <summary>
    /// The request body: a DeploymentGroupInput of the options given. <paramref name="currentStyle"/> fills the style option
    /// not given on an update, <paramref name="currentBlueGreen"/> the blue/green options not given.
    /// </summary>
    public DeploymentGroupInput Body(ParseResult parse, string? groupName, DeploymentStyle? currentStyle, bool update, BlueGreenDeploymentConfiguration? currentBlueGreen = null)
    {
        if (parse.GetResult(TagFilters) is not null && parse.GetResult(TagSet) is not null)
        {
            throw new UsageException("use --tag-filter or --tag-set, not both: filters select instances matching any, a tag set those matching every set");
        }

        var type = parse.GetValue(Type)?.ToUpperInvariant().Replace('-', '_') ?? currentStyle?.DeploymentType ?? "IN_PLACE";
        var style = ChangesStyle(parse)
            ? new DeploymentStyle(
                type,
                parse.GetResult(TrafficControl) is null
                    ? type == "BLUE_GREEN" ? "WITH_TRAFFIC_CONTROL" : currentStyle?.DeploymentOption ?? "WITHOUT_TRAFFIC_CONTROL"
                    : parse.GetValue(TrafficControl) != false ? "WITH_TRAFFIC_CONTROL" : "WITHOUT_TRAFFIC_CONTROL")
            : null;
        var tagSet = Given(parse, TagSet);
        return new DeploymentGroupInput(
            groupName,
            parse.GetValue(Config),
            style,
            // Replacing a tag set on update clears the filters, so the group does not select by both.
            Given(parse, TagFilters) ?? (update && tagSet is not null ? [] : null),
            tagSet is null ? null : new OnPremisesTagSet([.. tagSet]),
            Given(parse, AutoScalingGroups),
            AlarmConfiguration: AlarmConfigurationOf(parse),
            AutoRollbackConfiguration: parse.GetValue(AutoRollback),
            OutdatedInstancesStrategy: parse.GetValue(OutdatedInstances),
            WatchMinutes: parse.GetValue(WatchMinutes),
            TerminationHookEnabled: parse.GetResult(TerminationHook) is null ? null : parse.GetValue(TerminationHook) != false,
            LoadBalancerInfo: BlueGreen.LoadBalancerInfo(parse),
            BlueGreenDeploymentConfiguration: BlueGreen.Configuration(parse, currentBlueGreen),
            TrafficRouting: BlueGreen.TrafficRouting(parse))
        {
            WatchSeconds = parse.GetValue(WatchSeconds),
        };
    }

    /// <summary>The alarm configuration of <c>--alarm</c> (null when not given: unchanged on update).</summary>
    private AlarmConfiguration? AlarmConfigurationOf(ParseResult parse)
    {
        if (Given(parse, Alarms) is not { } names)
        {
            return parse.GetResult(IgnorePollAlarmFailure) is null ? null : throw new UsageException("--ignore-poll-alarm-failure goes with --alarm NAME (the alarm configuration is replaced as a whole)");
        }

        var alarms = names.Length == 1 && names[0] == "none" ? [] : names;
        return new AlarmConfiguration(alarms.Length > 0, parse.GetResult(IgnorePollAlarmFailure) is not null && parse.GetValue(IgnorePollAlarmFailure) != false,
            [.. alarms.Select(a => new AlarmRef(a))]);
    }

    /// <summary>A repeatable option's values, or null when it was not given (an empty list would clear the setting).</summary>
    private static T? Given<T>(ParseResult parse, Option<T> option) => parse.GetResult(option) is null ? default : parse.GetValue(option);
}
