using System.CommandLine;
using Greenlight.Cli.Api;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands;

/// <summary>
/// <c>greenlight rollback --app A --group G</c>: roll back the group's most recent deployment
/// (POST /applications/{app}/deployment-groups/{group}/rollback). Running: it is asked to roll back. Ended: a new
/// deployment (creator codeDeployRollback) of the revision known-good before it.
/// </summary>
internal static class RollbackCommand
{
    public static Command Create()
    {
        var app = new Option<string>("--app", "-a") { Description = "The application.", HelpName = "NAME", Required = true };
        var group = new Option<string>("--group", "-g") { Description = "The deployment group.", HelpName = "NAME", Required = true };
        var output = OutputOption.Create();
        var command = new Command("rollback",
            "Roll back a deployment group's most recent deployment. If it is running it stops and rolls back; if it has ended, a new\n" +
            "deployment (creator codeDeployRollback) redeploys the revision that was known-good before it. The server refuses (exit 1)\n" +
            "when there is nothing to roll back to.\n" +
            "Examples:\n  greenlight rollback --app web --group prod\n  greenlight rollback --app web --group prod -o json") { app, group, output };
        return DeploymentCommand.WithApi(command, async (api, parse, stdout) =>
        {
            var answer = await api.PostAsync(
                $"applications/{Uri.EscapeDataString(parse.GetValue(app)!)}/deployment-groups/{Uri.EscapeDataString(parse.GetValue(group)!)}/rollback", new { }, CancellationToken.None);
            if (parse.GetValue(output) is not OutputFormat.Table and var format)
            {
                StructuredOutput.Write(stdout, format, answer);
            }
            else
            {
                stdout.WriteLine($"{answer["rolledBackDeploymentId"]} is rolled back by {answer["rollbackDeploymentId"]}: {answer["message"]}");
                stdout.WriteLine($"Follow it with: greenlight deployment watch {answer["rollbackDeploymentId"]}");
            }

            return ExitCodes.Success;
        }, "greenlight rollback");
    }
}
