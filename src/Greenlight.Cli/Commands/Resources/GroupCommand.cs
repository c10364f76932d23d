using System.CommandLine;
using System.Text.Json;
using Greenlight.Cli.Api;
using Greenlight.Cli.Output;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Resources;

/// <summary><c>greenlight group create|get|list|update|delete</c> (alias <c>deployment-group</c>): where and how an application deploys.</summary>
internal static class GroupCommand
{
    public static Command Create()
    {
        var command = new Command("group",
            "Create, show, list, change and delete deployment groups: which instances an application deploys to, and how.\n" +
            "Instances are selected by --tag-filter (any filter matches), by --tag-set (every set matches), or by --asg.\n" +
            "Examples:\n" +
            "  greenlight group create --app web prod --tag-filter role=web --config CodeDeployDefault.HalfAtATime\n" +
            "  greenlight group create --app web canary --tag-set role=web,role=api --tag-set env=prod --auto-rollback DEPLOYMENT_FAILURE\n" +
            "  greenlight group create --app web fleet --asg web-asg --termination-hook --outdated-instances UPDATE\n" +
            "  greenlight group create --app web bg --style blue-green --asg web-asg --target-group web-tg --traffic canary:10:5m --ready-wait 30m --termination-wait 1h\n" +
            "  greenlight group create --app web lb --tag-filter role=web --traffic-control --target-group web-tg\n" +
            "  greenlight group update --app web prod --watch-minutes 10\n" +
            "  greenlight group get --app web prod\n" +
            Help.ApiExitCodes)
        {
            CreateVerb(), Get(), List(), Update(), Delete(),
        };
        command.Aliases.Add("deployment-group");
        return command.AsGroup();
    }

    private static Option<string> App() => new("--app", "-a") { Description = "The application.", HelpName = "NAME", Required = true };

    private static string Path(ApiCall call, Option<string> app, string? group = null) =>
        $"applications/{Uri.EscapeDataString(call.Get(app)!)}/deployment-groups" + (group is null ? "" : "/" + Uri.EscapeDataString(group));

    private static Command CreateVerb()
    {
        var app = App();
        var name = Help.Name("group", "The new group's name: 1-100 of A-Z a-z 0-9 . _ + = , @ -.");
        var settings = new GroupOptions();
        var command = new Command("create", Help.Verb("Create a deployment group.", "group create --app web prod --tag-filter role=web --config CodeDeployDefault.HalfAtATime", "group create --app web canary --tag-set role=web,role=api --tag-set env=prod", "group create --app web fleet --asg web-asg --termination-hook --auto-rollback DEPLOYMENT_FAILURE", "group create --app web bg --style blue-green --asg web-asg --target-group web-tg --traffic linear:25:2m --keep-blue")) { app, name };
        settings.AddTo(command);
        return command.WithApi(async call =>
        {
            var answer = await call.Api.PostAsync(Path(call, app), settings.Body(call.Parse, call.Get(name), null, update: false), CancellationToken.None);
            return call.Done(answer, $"Created deployment group {call.Get(name)} of application {call.Get(app)}");
        });
    }

    private static Command Update()
    {
        var app = App();
        var name = Help.Name("group", "The group.");
        var settings = new GroupOptions();
        var command = new Command("update", Help.Verb("Change a deployment group: only the options given change; a repeatable option given replaces its list.", "group update --app web prod --watch-minutes 10", "group update --app web prod --tag-set role=web --auto-rollback off", "group update --app web bg --ready-wait off --termination-wait 10m")) { app, name };
        settings.AddTo(command);
        return command.WithApi(async call =>
        {
            DeploymentStyle? current = null;
            BlueGreenDeploymentConfiguration? currentBlueGreen = null;
            if (settings.NeedsCurrent(call.Parse))
            {
                var group = (await call.Api.GetAsync(Path(call, app, call.Get(name)), CancellationToken.None))["deploymentGroupInfo"];
                current = group?["deploymentStyle"]?.Deserialize<DeploymentStyle>(Contracts.WireJson.Options);
                currentBlueGreen = group?["blueGreenDeploymentConfiguration"]?.Deserialize<BlueGreenDeploymentConfiguration>(Contracts.WireJson.Options);
            }

            var answer = await call.Api.PutAsync(Path(call, app, call.Get(name)), settings.Body(call.Parse, null, current, update: true, currentBlueGreen), CancellationToken.None);
            return call.Print(answer, w =>
            {
                w.WriteLine($"Updated deployment group {call.Get(name)} of application {call.Get(app)}");
                GroupView.Write(w, answer["deploymentGroupInfo"]);
            });
        });
    }

    private static Command Get()
    {
        var app = App();
        var name = Help.Name("group", "The group.");
        return new Command("get", Help.Verb("Show a deployment group: configuration, style, the instances it selects, its last deployments and target revision.", "group get --app web prod", "group get --app web prod -o json"))
        {
            app, name,
        }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync(Path(call, app, call.Get(name)), CancellationToken.None);
            return call.Print(answer, w => GroupView.Write(w, answer["deploymentGroupInfo"]));
        });
    }

    private static Command List()
    {
        var app = App();
        return new Command("list", Help.Verb("List an application's deployment groups with their configuration, style, selection and last success.", "group list --app web")) { app }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync(Path(call, app), CancellationToken.None);
            if (call.Structured)
            {
                return call.Print(answer, _ => { });
            }

            var table = new Table("NAME", "CONFIGURATION", "STYLE", "SELECTION", "LAST SUCCESS");
            foreach (var group in Cells.Items(answer["deploymentGroups"]).Select(Cells.Text))
            {
                var info = (await call.Api.GetAsync(Path(call, app, group), CancellationToken.None))["deploymentGroupInfo"];
                table.Add(group, Cells.Text(info?["deploymentConfigName"]), GroupView.Style(info?["deploymentStyle"]), GroupView.Selection(info),
                    GroupView.Deployment(info?["lastSuccessfulDeployment"]));
            }

            return call.Print(answer, table.Write);
        });
    }

    private static Command Delete()
    {
        var app = App();
        var name = Help.Name("group", "The group; no deployment may be running in it.");
        return new Command("delete", Help.Verb("Delete a deployment group in which no deployment is running.", "group delete --app web prod")) { app, name }.WithApi(async call =>
        {
            var answer = await call.Api.DeleteAsync(Path(call, app, call.Get(name)), CancellationToken.None);
            return call.Done(answer, $"Deleted deployment group {call.Get(name)} of application {call.Get(app)}");
        });
    }
}
