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
        var output = OutputOption.Create();

        var command = new Command(
            "plan",
            "Dry-run a deployment: batches, healthy capacity, lifecycle events and verdict under a deployment configuration.\n" +
            "Exit codes: 0 the plan succeeds; 1 the plan fails; 2 bad arguments.")
        {
            instances, config, minHealthy, fail, loadBalancer, output,
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

            var plan = PlanSimulator.Run(request.Configuration, request.Instances, request.Failing, request.LoadBalancer);
            if (request.Output == OutputFormat.Json)
            {
                JsonOutput.Write(stdout, PlanJson.From(plan));
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
