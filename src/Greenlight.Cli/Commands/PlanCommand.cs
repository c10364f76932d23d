using System.CommandLine;
using Greenlight.Cli.Commands.Plan;
using Greenlight.Cli.Output;
using Greenlight.Core.Batching;

namespace Greenlight.Cli.Commands;

/// <summary>
/// <c>greenlight plan</c>: a dry run of the minimum-healthy-hosts rules (docs/deployment-configurations.md). Shows
/// the resolved rule, the batches with the healthy capacity after each, the lifecycle events every instance runs,
/// and the verdict. Exit 0 if the plan succeeds, 1 if it fails, 2 for bad arguments.
/// </summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var instances = new Option<string>("--instances", "-n")
        {
            Description = "Number of target instances (0 or more). Required.",
            HelpName = "N",
        };
        var config = new Option<string>("--config", "-c")
        {
            Description = "A predefined deployment configuration: CodeDeployDefault.OneAtATime (default), " +
                          "CodeDeployDefault.HalfAtATime or CodeDeployDefault.AllAtOnce.",
            HelpName = "NAME",
        };
        var minHealthy = new Option<string>("--min-healthy", "-m")
        {
            Description = "A custom minimum instead of --config: HOST_COUNT:n (n >= 0) or FLEET_PERCENT:p (0-99).",
            HelpName = "TYPE:VALUE",
        };
        var fail = new Option<string[]>("--fail", "-f")
        {
            Description = "Instances (numbered from 1 in deployment order) whose deployment fails, e.g. 3,10.",
            HelpName = "i,j",
            AllowMultipleArgumentsPerToken = false,
        };
        var loadBalancer = new Option<bool>("--load-balancer")
        {
            Description = "The deployment group has a load balancer (adds the block/allow traffic events).",
        };
        var blueGreen = new Option<bool>("--blue-green")
        {
            Description = "Plan a blue/green deployment: green is a copy of the blue fleet, installed without traffic, then traffic moves by weight.",
        };
        var traffic = new Option<string>("--traffic")
        {
            Description = "Blue/green traffic schedule: all (default), canary:PERCENT:DURATION, linear:PERCENT:DURATION or steps:W@D,W@D.",
            HelpName = "SCHEDULE",
        };
        var readyWait = new Option<string>("--ready-wait")
        {
            Description = "Blue/green: wait in Ready this long for a continue before shifting traffic (default: continue at once).",
            HelpName = "DURATION",
        };
        var terminationWait = new Option<string>("--termination-wait")
        {
            Description = "Blue/green: wait this long before terminating blue (default 0s).",
            HelpName = "DURATION",
        };
        var keepBlue = new Option<bool>("--keep-blue") { Description = "Blue/green: keep the original instances (KEEP_ALIVE)." };
        var watch = new Option<string>("--watch")
        {
            Description = "Blue/green: watch alarms this long after the last step before the revision counts as known-good.",
            HelpName = "DURATION",
        };
        var alarmAt = new Option<string>("--alarm-at")
        {
            Description = "Blue/green: rehearse an alarm going off this long after the start, to see the rollback.",
            HelpName = "DURATION",
        };
        var output = OutputOption.Create();

        var command = new Command(
            "plan",
            "Dry-run a deployment: batches, healthy capacity, lifecycle events and verdict under a deployment configuration.\n" +
            "With --blue-green, rehearse a blue/green deployment through the decision engine: green fleet, traffic schedule, timeline.\n" +
            "Examples:\n" +
            "  greenlight plan --instances 10 --min-healthy HOST_COUNT:8 --fail 3,7\n" +
            "  greenlight plan --instances 4 --blue-green --traffic canary:10:5m --alarm-at 2m\n" +
            "Exit codes: 0 the plan succeeds; 1 the plan fails; 2 bad arguments.")
        {
            instances, config, minHealthy, fail, loadBalancer, blueGreen, traffic, readyWait, terminationWait, keepBlue, watch, alarmAt, output,
        };
        command.Action = new UsageErrorAwareAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            if (parseResult.Errors.Count > 0)
            {
                return UsageError(stderr, OneLine(parseResult.Errors[0].Message));
            }

            if (parseResult.UnmatchedTokens.Count > 0)
            {
                return UsageError(stderr, $"unexpected argument '{parseResult.UnmatchedTokens[0]}'");
            }

            var request = PlanArguments.Bind(
                parseResult.GetValue(instances), parseResult.GetValue(config), parseResult.GetValue(minHealthy),
                parseResult.GetValue(fail) ?? [], parseResult.GetValue(loadBalancer), parseResult.GetValue(output), out var error);
            if (request is null)
            {
                return UsageError(stderr, error ?? "invalid arguments");
            }

            if (parseResult.GetValue(blueGreen))
            {
                var options = BlueGreenOptionsBinder.Bind(
                    request.Instances, parseResult.GetValue(traffic), parseResult.GetValue(readyWait), parseResult.GetValue(terminationWait),
                    parseResult.GetValue(keepBlue), parseResult.GetValue(watch), parseResult.GetValue(alarmAt), out var bgError);
                if (options is null)
                {
                    return UsageError(stderr, bgError ?? "invalid blue/green options");
                }

                var timeline = BlueGreenTimeline.Rehearse(request.Configuration, request.Instances, request.Failing, options);
                if (request.Output != OutputFormat.Table)
                {
                    StructuredOutput.Write(stdout, request.Output, BlueGreenPlanWriter.ToJson(timeline));
                }
                else
                {
                    BlueGreenPlanWriter.WriteText(stdout, timeline);
                }

                return BlueGreenPlanWriter.ExitCode(timeline);
            }

            if (new[] { traffic, readyWait, terminationWait, watch, alarmAt }.FirstOrDefault(o => parseResult.GetResult(o) is not null) is { } stray)
            {
                return UsageError(stderr, $"{stray.Name} applies to blue/green plans only: add --blue-green");
            }

            var plan = PlanSimulator.Run(request.Configuration, request.Instances, request.Failing, request.LoadBalancer);
            if (request.Output != OutputFormat.Table)
            {
                StructuredOutput.Write(stdout, request.Output, PlanJson.From(plan));
            }
            else
            {
                PlanTextWriter.Write(stdout, plan);
            }

            return plan.Verdict.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>System.CommandLine's messages may list suggestions on further lines; keep the message to one line.</summary>
    private static string OneLine(string message) =>
        string.Join(" ", message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine("greenlight plan: " + message);
        return ExitCodes.UsageError;
    }
}
