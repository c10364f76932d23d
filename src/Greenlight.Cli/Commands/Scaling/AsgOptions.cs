using System.CommandLine;
using System.CommandLine.Parsing;
using Greenlight.Cli.Commands.Options;
using Greenlight.Contracts.V1;
using Greenlight.Core.Traffic;

namespace Greenlight.Cli.Commands.Scaling;

/// <summary>The options of <c>asg create</c> and <c>asg update</c>, and their syntax: <c>--launch-template T[:VERSION]</c>, <c>--hook NAME:launch|terminate[:TIMEOUT[:RESULT]]</c>.</summary>
internal sealed class AsgOptions
{
    public const string Launching = "autoscaling:EC2_INSTANCE_LAUNCHING";
    public const string Terminating = "autoscaling:EC2_INSTANCE_TERMINATING";

    public AsgOptions(bool create)
    {
        LaunchTemplate = new Option<LaunchTemplateSpecification>("--launch-template", "-t")
        {
            Description = "The launch template and its version: a number, $Latest or $Default (the default; latest and default also work unquoted).",
            HelpName = "TEMPLATE[:VERSION]",
            Required = create,
            CustomParser = result => ParseTemplate(result.Tokens[0].Value) ?? Error<LaunchTemplateSpecification>(result,
                $"--launch-template '{result.Tokens[0].Value}' must be TEMPLATE or TEMPLATE:VERSION with VERSION a number, $Latest or $Default"),
        };
        Min = CountOption.Create("--min", "The fewest instances the group keeps.");
        Max = CountOption.Create("--max", "The most instances the group may run (at most 50 on one server).");
        Min.Required = create;
        Max.Required = create;
    }

    public Option<LaunchTemplateSpecification> LaunchTemplate { get; }

    public Option<int?> Min { get; }

    public Option<int?> Max { get; }

    public Option<int?> Desired { get; } = CountOption.Create("--desired", "How many instances the group runs (create: default --min).");

    public Option<string> HealthCheck { get; } = Choices.Only(new Option<string>("--health-check")
    {
        Description = "AGENT (an instance is healthy while its agent polls, the default) or ELB (the load balancer's check too).",
        HelpName = "AGENT|ELB",
    }, "AGENT", "ELB");

    public Option<TimeSpan?> HealthCheckGrace { get; } = DurationOption.Create("--health-check-grace",
        "How long after launch an instance's health is not checked (default 5m).", TimeSpan.FromHours(2));

    public Option<LifecycleHookSpecification[]> Hooks { get; } = new("--hook")
    {
        Description = "A lifecycle hook: instances wait in Pending:Wait (launch) or Terminating:Wait (terminate) until it is completed or " +
                      "TIMEOUT passes (default 1h), then RESULT applies (CONTINUE or ABANDON, the default). Repeatable.",
        HelpName = "NAME:launch|terminate[:TIMEOUT[:RESULT]]",
        CustomParser = result =>
        {
            var hooks = new List<LifecycleHookSpecification>();
            foreach (var token in result.Tokens)
            {
                if (ParseHook(token.Value) is not { } hook)
                {
                    result.AddError($"--hook '{token.Value}' must be NAME:launch|terminate[:TIMEOUT[:CONTINUE|ABANDON]], e.g. warmup:launch:5m:CONTINUE");
                    return [];
                }

                hooks.Add(hook);
            }

            return [.. hooks];
        },
    };

    public Option<Tag[]> Tags { get; } = TagOptions.Tags("A tag of the group itself.");

    public Option<string[]> TargetGroups { get; } = new("--target-group")
    {
        Description = "A target group of the load balancer its InService instances are registered in (they drain from it when they leave InService). " +
                      "Repeatable; on update, replaces the list.",
        HelpName = "NAME",
    };

    /// <summary><c>web</c>, <c>web:2</c>, <c>web:$Latest</c>, <c>web:latest</c>.</summary>
    public static LaunchTemplateSpecification? ParseTemplate(string text)
    {
        var parts = text.Split(':');
        return parts switch
        {
            [var name] when name.Length > 0 => new LaunchTemplateSpecification(name, "$Default"),
            [var name, var version] when name.Length > 0 && LaunchTemplateCommand.Version(version) is { } v => new LaunchTemplateSpecification(name, v),
            _ => null,
        };
    }

    /// <summary><c>warmup:launch</c>, <c>drain:terminate:10m:CONTINUE</c>.</summary>
    public static LifecycleHookSpecification? ParseHook(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 4 || parts[0].Length == 0 || Transition(parts[1]) is not { } transition)
        {
            return null;
        }

        var timeout = 3600;
        if (parts.Length > 2)
        {
            if (!TrafficScheduleParser.TryParseDuration(parts[2], out var duration) || duration <= TimeSpan.Zero)
            {
                return null;
            }

            timeout = (int)duration.TotalSeconds;
        }

        var result = parts.Length > 3 ? parts[3].ToUpperInvariant() : "ABANDON";
        return result is "CONTINUE" or "ABANDON" ? new LifecycleHookSpecification(parts[0], transition, timeout, result) : null;
    }

    /// <summary><c>launch</c> or <c>terminate</c>, or EC2's transition names.</summary>
    public static string? Transition(string text) => text.ToLowerInvariant() switch
    {
        "launch" or "launching" or "autoscaling:ec2_instance_launching" => Launching,
        "terminate" or "terminating" or "autoscaling:ec2_instance_terminating" => Terminating,
        _ => null,
    };

    private static T? Error<T>(ArgumentResult result, string message)
        where T : class
    {
        result.AddError(message);
        return null;
    }
}
