using System.CommandLine;
using Greenlight.Cli.Api;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands.Revisions;

/// <summary>
/// <c>greenlight push DIR --app A</c>, like <c>aws deploy push</c>: checks DIR's appspec, bundles and uploads it, registers
/// the revision, and prints its sha256 with the command that deploys it. The same content pushed twice is the same revision.
/// </summary>
internal static class PushCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "The bundle directory: an appspec.yml at its root, and the files it installs." };
        var app = new Option<string>("--app", "-a") { Description = "The application the revision belongs to.", HelpName = "NAME", Required = true };
        var description = new Option<string>("--description") { Description = "A description kept with the revision.", HelpName = "TEXT" };
        var command = new Command("push",
            "Bundle a directory and register it as a revision of an application: its appspec is checked first (every problem with its\n" +
            "file:line:column, exit 2 when there are errors), then it is zipped, uploaded and registered; prints the sha256 and the\n" +
            "command that deploys it. Pushing the same content again registers nothing new and prints the same sha256.\n" +
            "Examples:\n" +
            "  greenlight push ./site --app web\n" +
            "  greenlight push ./site --app web --description 'v2: new checkout' -o json\n" +
            "Exit codes: 0 pushed; 1 the server refused (e.g. no such application); 2 bad options, an unreadable directory or an invalid appspec, no server or token.")
        {
            dir, app, description,
        };
        return command.WithApi(async call =>
        {
            var appName = call.Get(app)!;
            var answer = await RevisionUpload.RunAsync(call, appName, call.Get(dir), call.Get(description));
            var sha = RevisionUpload.Sha256(answer);
            var group = call.Structured ? null : await OnlyGroupAsync(call.Api, appName);
            return call.Print(answer, w =>
            {
                w.WriteLine($"Pushed revision {sha} to application {appName} ({Cells.Text(answer["revisionLocation"]?["bundle"]?["size"])} bytes)");
                w.WriteLine("To deploy it:");
                w.WriteLine($"  greenlight deploy --app {appName} --group {group ?? "GROUP"} --revision {sha}");
            });
        });
    }

    /// <summary>The application's deployment group when it has exactly one, so the printed command runs as is; else null.</summary>
    private static async Task<string?> OnlyGroupAsync(ApiConnection api, string app)
    {
        try
        {
            var groups = Cells.Items((await api.GetAsync($"applications/{Uri.EscapeDataString(app)}/deployment-groups", CancellationToken.None))["deploymentGroups"]).ToList();
            return groups.Count == 1 ? Cells.Text(groups[0]) : null;
        }
        catch (ApiException)
        {
            // The revision is pushed; only the hint is less precise.
            return null;
        }
    }
}
