using System.CommandLine;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Options;
using Greenlight.Contracts.V1;
using Greenlight.Core.Traffic;

namespace Greenlight.Cli.Commands.Resources;

/// <summary>
/// The load balancer and blue/green options of <c>group create|update</c>: target groups, the default traffic schedule,
/// and blueGreenDeploymentConfiguration (ready wait, what becomes of blue, where green comes from). On update, the
/// blue/green options given are merged into the group's current configuration, so the others keep their value.
/// </summary>
internal sealed class BlueGreenGroupOptions
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2880);

    public Option<string[]> TargetGroups { get; } = new("--target-group")
    {
        Description = "A target group of the load balancer the group's instances serve in (loadBalancerInfo). Repeatable, up to 10; on update, replaces the list.",
        HelpName = "NAME",
    };

    public Option<string> Traffic { get; } = TrafficOption.Create(
        "Blue/green: the default traffic schedule, all | canary:PCT:DURATION | linear:PCT:DURATION | steps:W@D,...; off clears it. A deployment's --traffic wins.",
        allowOff: true);

    public Option<string> ReadyWait { get; } = new("--ready-wait")
    {
        Description = "Blue/green: once green is installed, wait up to DURATION for `greenlight deployment continue` before moving traffic, then stop (STOP_DEPLOYMENT). Without it (or with off) traffic moves at once (CONTINUE_DEPLOYMENT).",
        HelpName = "DURATION|off",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (text.Equals("off", StringComparison.OrdinalIgnoreCase) || (TrafficScheduleParser.TryParseDuration(text, out var wait) && wait <= MaxWait))
            {
                return text;
            }

            result.AddError($"--ready-wait '{text}' must be off or a duration up to 48h, e.g. 30s, 5m or 1h30m");
            return null;
        },
    };

    public Option<bool?> KeepBlue { get; } = new("--keep-blue")
    {
        Description = "Blue/green: keep the original (blue) instances running after a success, detached from the group (KEEP_ALIVE); --keep-blue false terminates them.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<TimeSpan?> TerminationWait { get; } = DurationOption.Create("--termination-wait",
        "Blue/green: terminate blue this long after traffic moved to green (TERMINATE; default at once).", MaxWait);

    public Option<string> GreenFleet { get; } = Choices.Only(new Option<string>("--green-fleet")
    {
        Description = "Blue/green: where green comes from: copy (a copy of the group's one auto scaling group, the default) or discover (instances each deployment names with --green-tag-filter or --green-asg).",
        HelpName = "copy|discover",
    }, "copy", "discover");

    public IEnumerable<Option> All => [TargetGroups, Traffic, ReadyWait, KeepBlue, TerminationWait, GreenFleet];

    /// <summary>Whether an option of blueGreenDeploymentConfiguration was given (an update then merges with the current one).</summary>
    public bool ChangesBlueGreen(ParseResult parse) =>
        parse.GetResult(ReadyWait) is not null || parse.GetResult(KeepBlue) is not null || parse.GetResult(TerminationWait) is not null || parse.GetResult(GreenFleet) is not null;

    public GroupLoadBalancerInfo? LoadBalancerInfo(ParseResult parse) =>
        parse.GetResult(TargetGroups) is null ? null : new GroupLoadBalancerInfo([.. (parse.GetValue(TargetGroups) ?? []).Select(n => new TargetGroupRef(n))]);

    /// <summary>The schedule given; empty text ("off") clears the group's.</summary>
    public string? TrafficRouting(ParseResult parse) => parse.GetResult(Traffic) is null ? null : parse.GetValue(Traffic);

    /// <summary>The configuration to send: <paramref name="current"/> with the options given applied; null when none was given.</summary>
    public BlueGreenDeploymentConfiguration? Configuration(ParseResult parse, BlueGreenDeploymentConfiguration? current)
    {
        if (!ChangesBlueGreen(parse))
        {
            return null;
        }

        if (parse.GetValue(KeepBlue) == true && parse.GetResult(TerminationWait) is not null)
        {
            throw new UsageException("--keep-blue and --termination-wait cannot be used together: blue is either kept or terminated after a wait");
        }

        var terminate = current?.TerminateBlueInstancesOnDeploymentSuccess;
        if (parse.GetResult(KeepBlue) is not null)
        {
            terminate = parse.GetValue(KeepBlue) != false ? new BlueInstanceTerminationOption("KEEP_ALIVE", null) : new BlueInstanceTerminationOption("TERMINATE", 0);
        }

        if (parse.GetValue(TerminationWait) is { } wait)
        {
            terminate = new BlueInstanceTerminationOption("TERMINATE", null) { TerminationWaitTimeInSeconds = wait.TotalSeconds };
        }

        var ready = current?.DeploymentReadyOption;
        if (parse.GetValue(ReadyWait) is { } readyText)
        {
            ready = readyText.Equals("off", StringComparison.OrdinalIgnoreCase) || !TrafficScheduleParser.TryParseDuration(readyText, out var readyWait)
                ? new DeploymentReadyOption("CONTINUE_DEPLOYMENT", null)
                : new DeploymentReadyOption("STOP_DEPLOYMENT", null) { WaitTimeInSeconds = readyWait.TotalSeconds };
        }

        var green = parse.GetValue(GreenFleet) is { } source
            ? new GreenFleetProvisioningOption(source == "discover" ? "DISCOVER_EXISTING" : "COPY_AUTO_SCALING_GROUP")
            : current?.GreenFleetProvisioningOption;
        return new BlueGreenDeploymentConfiguration(terminate, ready, green);
    }
}
