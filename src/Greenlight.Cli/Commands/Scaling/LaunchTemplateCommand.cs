using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Resources;
using Greenlight.Cli.Output;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Scaling;

/// <summary><c>greenlight launch-template create|list|get|create-version|set-default|delete</c>: how a scaling group makes instances.</summary>
internal static class LaunchTemplateCommand
{
    public static Command Create()
    {
        var command = new Command("launch-template",
            "Create, list, show, version and delete launch templates: how an auto scaling group makes its instances (EC2's launch templates).\n" +
            "A template has numbered versions; a scaling group names one, or $Latest or $Default (the default).\n" +
            "Examples:\n" +
            "  greenlight launch-template create web --tag role=web --bootstrap ./bootstrap.sh --poll-wait 5s\n" +
            "  greenlight launch-template create-version web --tag role=web --tag env=prod --description 'prod tags'\n" +
            "  greenlight launch-template set-default web 2\n" +
            "  greenlight launch-template get web\n" +
            Help.ApiExitCodes)
        {
            CreateVerb(), List(), Get(), CreateVersion(), SetDefault(), Delete(),
        };
        return command.AsGroup();
    }

    private static Command CreateVerb()
    {
        var name = Help.Name("launch-template", "The template's name: 1-100 of A-Z a-z 0-9 . _ + = , @ -.");
        var data = new LaunchTemplateDataOptions();
        var command = new Command("create", Help.Verb("Create a launch template and its version 1 (the default).",
            "launch-template create web --tag role=web --poll-wait 5s", "launch-template create web --bootstrap ./bootstrap.sh --runas-allow www-data,deploy")) { name };
        data.AddTo(command);
        return command.WithApi(async call =>
        {
            var input = new CreateLaunchTemplateInput(call.Get(name), call.Get(data.Description), data.Data(call.Parse, null));
            var answer = await call.Api.PostAsync("launch-templates", input, CancellationToken.None);
            return call.Done(answer, $"Created launch template {call.Get(name)} ({Cells.Text(answer["launchTemplate"]?["launchTemplateId"])}) version 1");
        });
    }

    private static Command List() => new Command("list", Help.Verb("List launch templates with their default and latest version.", "launch-template list")).WithApi(async call =>
    {
        var answer = await call.Api.GetAsync("launch-templates", CancellationToken.None);
        var table = new Table("NAME", "ID", "DEFAULT", "LATEST", "CREATED");
        foreach (var template in Cells.Items(answer["launchTemplates"]))
        {
            table.Add(Cells.Text(template["launchTemplateName"]), Cells.Text(template["launchTemplateId"]), Cells.Text(template["defaultVersionNumber"]),
                Cells.Text(template["latestVersionNumber"]), Cells.Time(template["createTime"]));
        }

        return call.Print(answer, table.Write);
    });

    private static Command Get()
    {
        var name = Help.Name("launch-template", "The template.");
        return new Command("get", Help.Verb("Show a launch template and every version's data.", "launch-template get web", "launch-template get web -o json")) { name }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync($"launch-templates/{Uri.EscapeDataString(call.Get(name))}", CancellationToken.None);
            return call.Print(answer, w => Write(w, answer["launchTemplate"]));
        });
    }

    private static Command CreateVersion()
    {
        var name = Help.Name("launch-template", "The template.");
        var source = new Option<string>("--source-version")
        {
            Description = "The version whose data the new one starts from: a number, $Latest (the default) or $Default.",
            HelpName = "N|$Latest|$Default",
            CustomParser = result => Version(result.Tokens[0].Value) ?? Error(result, $"--source-version '{result.Tokens[0].Value}' must be a version number, $Latest or $Default"),
        };
        var data = new LaunchTemplateDataOptions();
        var command = new Command("create-version", Help.Verb("Add a version: the source version's data with the options given on top. It does not become the default.",
            "launch-template create-version web --poll-wait 2s", "launch-template create-version web --source-version 1 --tag role=api")) { name, source };
        data.AddTo(command);
        return command.WithApi(async call =>
        {
            var path = $"launch-templates/{Uri.EscapeDataString(call.Get(name))}";
            LaunchAgentSettings? sourceAgent = null;
            if (data.ChangesAgent(call.Parse))
            {
                var template = (await call.Api.GetAsync(path, CancellationToken.None))["launchTemplate"]?.Deserialize<LaunchTemplateInfo>(Contracts.WireJson.Options);
                sourceAgent = template is null ? null : Resolve(template, call.Get(source) ?? "$Latest")?.LaunchTemplateData.Agent;
            }

            var input = new CreateLaunchTemplateVersionInput(call.Get(data.Description), data.Data(call.Parse, sourceAgent), call.Get(source));
            var answer = await call.Api.PostAsync(path + "/versions", input, CancellationToken.None);
            return call.Done(answer, $"Created version {Cells.Text(answer["launchTemplateVersion"]?["versionNumber"])} of launch template {call.Get(name)}");
        });
    }

    private static Command SetDefault()
    {
        var name = Help.Name("launch-template", "The template.");
        var version = new Argument<string>("version")
        {
            Description = "The version number that $Default means from now on.",
            CustomParser = result => Version(result.Tokens[0].Value) is { } v && !v.StartsWith('$')
                ? v
                : Error(result, $"version '{result.Tokens[0].Value}' must be a version number, e.g. 2"),
        };
        return new Command("set-default", Help.Verb("Make a version the default: scaling groups on $Default launch new instances from it.",
            "launch-template set-default web 2")) { name, version }.WithApi(async call =>
        {
            var answer = await call.Api.PutAsync($"launch-templates/{Uri.EscapeDataString(call.Get(name))}",
                new ModifyLaunchTemplateInput(call.Get(version)), CancellationToken.None);
            return call.Done(answer, $"Launch template {call.Get(name)}: default version {Cells.Text(answer["launchTemplate"]?["defaultVersionNumber"])}");
        });
    }

    private static Command Delete()
    {
        var name = Help.Name("launch-template", "The template; no auto scaling group may use it.");
        return new Command("delete", Help.Verb("Delete a launch template and all its versions.", "launch-template delete web")) { name }.WithApi(async call =>
        {
            var answer = await call.Api.DeleteAsync($"launch-templates/{Uri.EscapeDataString(call.Get(name))}", CancellationToken.None);
            return call.Done(answer, $"Deleted launch template {call.Get(name)}");
        });
    }

    private static void Write(TextWriter writer, JsonNode? template)
    {
        Fields.Write(writer,
            ("Launch template", Cells.Text(template?["launchTemplateName"])), ("Id", Cells.Text(template?["launchTemplateId"])),
            ("Default version", Cells.Text(template?["defaultVersionNumber"])), ("Latest version", Cells.Text(template?["latestVersionNumber"])),
            ("Created", Cells.Time(template?["createTime"])));
        writer.WriteLine();
        var table = new Table("VERSION", "DEFAULT", "PROVIDER", "TAGS", "BOOTSTRAP", "POLL WAIT", "RUN AS", "DESCRIPTION");
        foreach (var version in Cells.Items(template?["versions"]))
        {
            var data = version["launchTemplateData"];
            table.Add(Cells.Text(version["versionNumber"]), version["defaultVersion"]?.GetValue<bool>() == true ? "yes" : "", Cells.Text(data?["provider"]),
                Cells.Tags(data?["tags"]), Cells.Text(data?["bootstrapScript"]) is { } script ? $"{script.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length} lines" : null,
                Cells.Text(data?["agent"]?["pollWait"]), string.Join(",", Cells.Items(data?["agent"]?["runAsAllow"]).Select(Cells.Text)),
                Cells.Text(version["versionDescription"]));
        }

        table.Write(writer);
    }

    /// <summary>A version argument: a number, or $Latest / $Default (also without the $, which a shell would expand).</summary>
    internal static string? Version(string text) => text.ToLowerInvariant() switch
    {
        "$latest" or "latest" => "$Latest",
        "$default" or "default" => "$Default",
        _ when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => n.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static LaunchTemplateVersionInfo? Resolve(LaunchTemplateInfo template, string version) =>
        template.Versions.FirstOrDefault(v => v.VersionNumber == version switch
        {
            "$Latest" => template.LatestVersionNumber,
            "$Default" => template.DefaultVersionNumber,
            _ => int.Parse(version, CultureInfo.InvariantCulture),
        });

    private static string? Error(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }
}
