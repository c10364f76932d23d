using System.CommandLine;
using System.Text.Json.Nodes;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Plan;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands;

/// <summary><c>greenlight deployment get|list|watch|stop|continue|rollback|explain|targets|events</c>: look at and control deployments.</summary>
internal static class DeploymentCommand
{
    public static Command Create()
    {
        var command = new Command("deployment",
            "Look at and control deployments.\n" +
            "Examples:\n" +
            "  greenlight deployment list --app web --group prod\n" +
            "  greenlight deployment get d-ABCDEFGHI -o json\n" +
            "  greenlight deployment watch d-ABCDEFGHI\n" +
            "  greenlight deployment stop d-ABCDEFGHI --rollback\n" +
            "  greenlight deployment continue d-ABCDEFGHI\n" +
            "  greenlight deployment rollback d-ABCDEFGHI\n" +
            "  greenlight deployment explain d-ABCDEFGHI\n" +
            "  greenlight deployment targets d-ABCDEFGHI\n" +
            "  greenlight deployment events d-ABCDEFGHI\n" +
            "Exit codes: 0 done (watch: Succeeded); 1 the server refused, or watch ended Failed or Stopped; 2 bad options, nothing configured or the server unreachable.");
        command.Subcommands.Add(Get());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Watch());
        command.Subcommands.Add(Stop());
        command.Subcommands.Add(Continue());
        command.Subcommands.Add(Rollback());
        command.Subcommands.Add(Explain());
        command.Subcommands.Add(DeploymentTargetsCommands.Targets());
        command.Subcommands.Add(DeploymentTargetsCommands.Events());
        return command;
    }

    private static Command Get()
    {
        var id = new Argument<string>("deployment-id") { Description = "The deployment, e.g. d-ABCDEFGHI." };
        var output = OutputOption.Create();
        var command = new Command("get", "Show a deployment: status, what it is doing, error and rollback.\nExamples:\n  greenlight deployment get d-ABCDEFGHI\n  greenlight deployment get d-ABCDEFGHI -o json") { id, output };
        return WithApi(command, async (api, parse, stdout) =>
        {
            var info = (await api.GetAsync($"deployments/{parse.GetValue(id)}", CancellationToken.None))["deploymentInfo"]!;
            if (parse.GetValue(output) is not OutputFormat.Table and var format)
            {
                StructuredOutput.Write(stdout, format, info);
                return ExitCodes.Success;
            }

            foreach (var (label, value) in new[]
                     {
                         ("Deployment", info["deploymentId"]), ("Application", info["applicationName"]), ("Group", info["deploymentGroupName"]),
                         ("Revision", info["revision"]?["bundle"]?["sha256"]), ("Configuration", info["deploymentConfigName"]),
                         ("Status", info["status"]), ("Doing", info["statusReason"]), ("Error", info["errorInformation"]?["code"]),
                         ("Rollback", info["rollbackInfo"]?["rollbackMessage"]),
                     })
            {
                if (value is not null)
                {
                    stdout.WriteLine($"{label,-14} {value}");
                }
            }

            return ExitCodes.Success;
        });
    }

    private static Command List()
    {
        var app = new Option<string>("--app", "-a") { Description = "Only this application's deployments.", HelpName = "NAME" };
        var group = new Option<string>("--group", "-g") { Description = "Only this group's deployments.", HelpName = "NAME" };
        var status = new Option<string>("--status") { Description = "Only these statuses, e.g. InProgress,Failed.", HelpName = "STATUSES" };
        var output = OutputOption.Create();
        var command = new Command("list", "List deployments, newest first.\nExamples:\n  greenlight deployment list --app web --group prod\n  greenlight deployment list --status InProgress,Failed -o json") { app, group, status, output };
        return WithApi(command, async (api, parse, stdout) =>
        {
            var query = string.Join("&", new[] { ("applicationName", parse.GetValue(app)), ("deploymentGroupName", parse.GetValue(group)), ("includeOnlyStatuses", parse.GetValue(status)) }
                .Where(q => q.Item2 is not null).Select(q => $"{q.Item1}={Uri.EscapeDataString(q.Item2!)}"));
            var ids = (await api.GetAsync("deployments?" + query, CancellationToken.None))["deployments"]!.AsArray();
            var rows = new List<JsonNode>();
            foreach (var deploymentId in ids)
            {
                rows.Add((await api.GetAsync($"deployments/{deploymentId}", CancellationToken.None))["deploymentInfo"]!);
            }

            if (parse.GetValue(output) is not OutputFormat.Table and var format)
            {
                StructuredOutput.Write(stdout, format, new JsonArray([.. rows.Select(r => r.DeepClone())]));
                return ExitCodes.Success;
            }

            stdout.WriteLine($"{"DEPLOYMENT",-13} {"APPLICATION",-14} {"GROUP",-14} {"STATUS",-10} CREATED");
            foreach (var r in rows)
            {
                stdout.WriteLine($"{r["deploymentId"],-13} {r["applicationName"],-14} {r["deploymentGroupName"],-14} {r["status"],-10} {r["createTime"]}");
            }

            return ExitCodes.Success;
        });
    }

    private static Command Watch()
    {
        var id = new Argument<string>("deployment-id") { Description = "The deployment to follow." };
        var command = new Command("watch",
            "Follow a deployment to its verdict: each change of status with the fleet's counts, each instance's lifecycle events as they\n" +
            "start, succeed, fail or are skipped, the traffic split, and each change of state of the group's alarms (alarm web-5xx OK -> ALARM (reason)).\n" +
            "The exit code is the verdict: 0 Succeeded, 1 Failed or Stopped.\n" +
            "Examples:\n  greenlight deployment watch d-ABCDEFGHI") { id };
        return WithApi(command, async (api, parse, stdout) =>
        {
            var info = await DeployCommand.WatchAsync(api, parse.GetValue(id)!, stdout, CancellationToken.None);
            return info["status"]!.GetValue<string>() == "Succeeded" ? ExitCodes.Success : ExitCodes.Failure;
        });
    }

    private static Command Stop()
    {
        var id = new Argument<string>("deployment-id") { Description = "The deployment to stop." };
        var rollback = new Option<bool>("--rollback") { Description = "Roll back what was changed (autoRollbackEnabled)." };
        var command = new Command("stop", "Stop a running deployment.\nExamples:\n  greenlight deployment stop d-ABCDEFGHI\n  greenlight deployment stop d-ABCDEFGHI --rollback") { id, rollback };
        return WithApi(command, async (api, parse, stdout) =>
        {
            var answer = await api.PostAsync($"deployments/{parse.GetValue(id)}/stop", new { autoRollbackEnabled = parse.GetValue(rollback) }, CancellationToken.None);
            stdout.WriteLine($"{parse.GetValue(id)}: {answer["statusMessage"]}");
            return ExitCodes.Success;
        });
    }

    private static Command Continue()
    {
        var id = new Argument<string>("deployment-id") { Description = "The blue/green deployment waiting in Ready, or waiting to terminate blue." };
        var termination = new Option<bool>("--termination-wait")
        {
            Description = "End the wait before blue is terminated (TERMINATION_WAIT) instead of the wait for continue in Ready (READY_WAIT, the default).",
        };
        var command = new Command("continue",
            "Continue a blue/green deployment: move traffic to green now that it is installed (it waits in Ready with a group's --ready-wait),\n" +
            "or with --termination-wait terminate blue without waiting out the termination wait.\n" +
            "Examples:\n  greenlight deployment continue d-ABCDEFGHI\n  greenlight deployment continue d-ABCDEFGHI --termination-wait") { id, termination };
        return WithApi(command, async (api, parse, stdout) =>
        {
            var kind = parse.GetValue(termination) ? "TERMINATION_WAIT" : "READY_WAIT";
            await api.PostAsync($"deployments/{parse.GetValue(id)}/continue", new { deploymentWaitType = kind }, CancellationToken.None);
            stdout.WriteLine($"{parse.GetValue(id)}: continued ({kind})");
            return ExitCodes.Success;
        });
    }

    private static Command Rollback()
    {
        var id = new Argument<string>("deployment-id") { Description = "The running deployment to roll back." };
        var command = new Command("rollback",
            "Roll back a running deployment now, whatever its rollback configuration says: it stops, and a rollback deployment\n" +
            "redeploys the group's known-good revision (blue/green: traffic goes back to blue). For a deployment that has ended,\n" +
            "use greenlight rollback --app A --group G.\n" +
            "Examples:\n  greenlight deployment rollback d-ABCDEFGHI") { id };
        return WithApi(command, async (api, parse, stdout) =>
        {
            await api.PostAsync($"deployments/{parse.GetValue(id)}/rollback", new { }, CancellationToken.None);
            var info = (await api.GetAsync($"deployments/{parse.GetValue(id)}", CancellationToken.None))["deploymentInfo"]!;
            stdout.WriteLine($"{parse.GetValue(id)}: {info["status"]}; {info["rollbackInfo"]?["rollbackMessage"] ?? "no rollback"}");
            return ExitCodes.Success;
        });
    }

    private static Command Explain()
    {
        var id = new Argument<string>("deployment-id") { Description = "The deployment to explain." };
        var output = OutputOption.Create();
        var command = new Command("explain",
            "Say why a deployment stopped or failed: the error code and message, the alarm that stopped it with its reason, the\n" +
            "failing instances with their failed events, diagnostics and log tails, and its rollback (or why there is none).\n" +
            "Examples:\n  greenlight deployment explain d-ABCDEFGHI\n  greenlight deployment explain d-ABCDEFGHI -o json") { id, output };
        return WithApi(command, async (api, parse, stdout) =>
        {
            var explanation = await DeploymentExplain.GatherAsync(api, parse.GetValue(id)!, CancellationToken.None);
            if (parse.GetValue(output) is not OutputFormat.Table and var format)
            {
                StructuredOutput.Write(stdout, format, explanation);
            }
            else
            {
                DeploymentExplain.Print(explanation, stdout);
            }

            return ExitCodes.Success;
        });
    }

    /// <summary>Adds the API options and runs <paramref name="run"/> with a connection; a refusal is one line and exit 1, an unreachable server exit 2.</summary>
    internal static Command WithApi(Command command, Func<ApiConnection, ParseResult, TextWriter, Task<int>> run, string? verb = null)
    {
        ApiOptions.AddTo(command);
        command.Action = new UsageErrorAwareAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var name = verb ?? "greenlight deployment " + command.Name;
            if (UsageErrorAwareAction.Problem(parse) is { } bad)
            {
                stderr.WriteLine($"{name}: {bad}");
                return ExitCodes.UsageError;
            }

            using var api = ApiOptions.Connect(parse, out var problem);
            if (api is null)
            {
                stderr.WriteLine($"{name}: {problem}");
                return ExitCodes.UsageError;
            }

            try
            {
                return run(api, parse, parse.InvocationConfiguration.Output).GetAwaiter().GetResult();
            }
            catch (ApiException e)
            {
                stderr.WriteLine(e.Unreachable ? $"{name}: {e.Message}" : $"{name}: {e.Code}: {e.Message}");
                return e.ExitCode;
            }
            catch (IOException e)
            {
                stderr.WriteLine($"{name}: {e.Message}");
                return ExitCodes.UsageError;
            }
        });
        return command;
    }
}
