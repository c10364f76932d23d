using System.CommandLine;
using Greenlight.Cli.Api;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands.Resources;

/// <summary><c>greenlight application create|list|get|delete</c>: the applications deployment groups and revisions belong to.</summary>
internal static class ApplicationCommand
{
    public static Command Create()
    {
        var command = new Command("application",
            "Create, list, show and delete applications.\n" +
            "Examples:\n" +
            "  greenlight application create web\n" +
            "  greenlight application list -o json\n" +
            "  greenlight application delete web\n" +
            Help.ApiExitCodes)
        {
            CreateVerb(), List(), Get(), Delete(),
        };
        return command.AsGroup();
    }

    private static Command CreateVerb()
    {
        var name = Help.Name("application", "The application's name: 1-100 of A-Z a-z 0-9 . _ + = , @ -.");
        return new Command("create", Help.Verb("Create an application (compute platform Server).", "application create web", "application create web -o json")) { name }.WithApi(async call =>
        {
            var answer = await call.Api.PostAsync("applications", new { applicationName = call.Get(name) }, CancellationToken.None);
            return call.Done(answer, $"Created application {call.Get(name)}");
        });
    }

    private static Command List() => new Command("list", Help.Verb("List applications with their creation time.", "application list", "application list -o json")).WithApi(async call =>
    {
        var answer = await call.Api.GetAsync("applications", CancellationToken.None);
        if (call.Structured)
        {
            return call.Print(answer, _ => { });
        }

        var table = new Table("NAME", "CREATED");
        foreach (var name in Cells.Items(answer["applications"]).Select(Cells.Text))
        {
            var app = (await call.Api.GetAsync($"applications/{Uri.EscapeDataString(name!)}", CancellationToken.None))["application"];
            table.Add(name, Cells.Time(app?["createTime"]));
        }

        return call.Print(answer, table.Write);
    });

    private static Command Get()
    {
        var name = Help.Name("application", "The application.");
        return new Command("get", Help.Verb("Show an application: its id, platform and creation time.", "application get web")) { name }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync($"applications/{Uri.EscapeDataString(call.Get(name))}", CancellationToken.None);
            var app = answer["application"];
            return call.Print(answer, w => Fields.Write(w,
                ("Application", Cells.Text(app?["applicationName"])), ("Id", Cells.Text(app?["applicationId"])),
                ("Platform", Cells.Text(app?["computePlatform"])), ("Created", Cells.Time(app?["createTime"]))));
        });
    }

    private static Command Delete()
    {
        var name = Help.Name("application", "The application; its deployment groups must be deleted first.");
        return new Command("delete", Help.Verb("Delete an application that has no deployment groups.", "application delete web")) { name }.WithApi(async call =>
        {
            var answer = await call.Api.DeleteAsync($"applications/{Uri.EscapeDataString(call.Get(name))}", CancellationToken.None);
            return call.Done(answer, $"Deleted application {call.Get(name)}");
        });
    }
}
