using System.CommandLine;
using System.Text.Json.Nodes;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Resources;
using Greenlight.Cli.Output;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Revisions;

/// <summary><c>greenlight revision list|get|upload|register</c>: an application's registered revisions (bundles by sha256).</summary>
internal static class RevisionCommand
{
    public static Command Create() => new Command("revision",
        "List, show, upload and register an application's revisions: bundles known by their sha256, which deployments name.\n" +
        "greenlight push DIR --app A checks, bundles and uploads a directory in one step.\n" +
        "Examples:\n" +
        "  greenlight revision list --app web\n" +
        "  greenlight revision get --app web 3f2a...e9\n" +
        "  greenlight revision upload --app web ./build/site.tgz\n" +
        "  greenlight revision register --app web --url https://artifacts.example.com/site-1.4.zip --sha256 3f2a...e9\n" +
        Help.ApiExitCodes)
    {
        List(), Get(), Upload(), Register(),
    }.AsGroup();

    private static Option<string> App() => new("--app", "-a") { Description = "The application.", HelpName = "NAME", Required = true };

    private static string Path(string app) => $"applications/{Uri.EscapeDataString(app)}/revisions";

    private static Command List()
    {
        var app = App();
        return new Command("list", Help.Verb("List an application's revisions: sha256, bundle type, size, when registered, first and last used.",
            "revision list --app web", "revision list --app web -o json"))
        {
            app,
        }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync(Path(call.Get(app)!), CancellationToken.None);
            var table = new Table("SHA256", "TYPE", "SIZE", "REGISTERED", "LAST USED", "DESCRIPTION");
            foreach (var r in Cells.Items(answer["revisions"]))
            {
                var bundle = r["revisionLocation"]?["bundle"];
                var info = r["genericRevisionInfo"];
                table.Add(Cells.Text(bundle?["sha256"]), Cells.Text(bundle?["bundleType"]), Cells.Text(bundle?["size"]), Cells.Time(info?["registerTime"]),
                    Cells.Time(info?["lastUsedTime"]), Cells.Text(info?["description"]));
            }

            return call.Print(answer, table.Write);
        });
    }

    private static Command Get()
    {
        var app = App();
        var sha = new Argument<string>("sha256") { Description = "The revision's sha256 (64 hex characters)." };
        return new Command("get", Help.Verb("Show a revision: its bundle, description, and when it was registered and used. An unknown sha256 is exit 1, naming it.",
            "revision get --app web 3f2a...e9", "revision get --app web 3f2a...e9 -o json"))
        {
            app, sha,
        }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync($"{Path(call.Get(app)!)}/{Uri.EscapeDataString(call.Get(sha))}", CancellationToken.None);
            return call.Print(answer, w => Write(w, answer["revisionInfo"]));
        });
    }

    private static Command Upload()
    {
        var app = App();
        var path = new Argument<string>("path") { Description = "A bundle directory, or a .zip/.tar/.tgz bundle file." };
        var description = new Option<string>("--description") { Description = "A description kept with the revision.", HelpName = "TEXT" };
        return new Command("upload", Help.Verb("Check a bundle's appspec (file:line:column for each problem, exit 2 when invalid) and upload it as a revision; prints its sha256.",
            "revision upload --app web ./site", "revision upload --app web ./build/site.tgz --description 'release 1.4'"))
        {
            app, path, description,
        }.WithApi(async call =>
        {
            var answer = await RevisionUpload.RunAsync(call, call.Get(app)!, call.Get(path), call.Get(description));
            return call.Done(answer, $"Uploaded revision {RevisionUpload.Sha256(answer)} to application {call.Get(app)}");
        });
    }

    private static Command Register()
    {
        var app = App();
        var url = new Option<string>("--url") { Description = "Where the server downloads the bundle from (its host must be allowed: greenlight server --allow-revision-host).", HelpName = "URL", Required = true };
        var sha = new Option<string>("--sha256") { Description = "The bundle's sha256; the download must match it.", HelpName = "SHA256", Required = true };
        var type = new Option<string>("--bundle-type") { Description = "zip, tar or tgz (default zip).", HelpName = "TYPE", DefaultValueFactory = _ => "zip" };
        type.AcceptOnlyFromAmong("zip", "tar", "tgz");
        var description = new Option<string>("--description") { Description = "A description kept with the revision.", HelpName = "TEXT" };
        return new Command("register", Help.Verb("Register a revision the server downloads from a URL (checked against --sha256 and its appspec checked).",
            "revision register --app web --url https://artifacts.example.com/site-1.4.zip --sha256 3f2a...e9",
            "revision register --app web --url https://artifacts.example.com/site-1.4.tgz --sha256 3f2a...e9 --bundle-type tgz"))
        {
            app, url, sha, type, description,
        }.WithApi(async call =>
        {
            var input = new RegisterRevisionInput(call.Get(url), call.Get(sha), call.Get(type), call.Get(description));
            var answer = await call.Api.PostAsync(Path(call.Get(app)!) + "/register", input, CancellationToken.None);
            return call.Done(answer, $"Registered revision {RevisionUpload.Sha256(answer)} of application {call.Get(app)}");
        });
    }

    private static void Write(TextWriter w, JsonNode? revision)
    {
        var bundle = revision?["revisionLocation"]?["bundle"];
        var info = revision?["genericRevisionInfo"];
        Fields.Write(w,
            ("Revision", Cells.Text(bundle?["sha256"])), ("Bundle type", Cells.Text(bundle?["bundleType"])), ("Size", Cells.Text(bundle?["size"])),
            ("Description", Cells.Text(info?["description"])), ("Registered", Cells.Time(info?["registerTime"])),
            ("First used", Cells.Time(info?["firstUsedTime"])), ("Last used", Cells.Time(info?["lastUsedTime"])));
    }
}
