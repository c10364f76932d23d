using System.CommandLine;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Resources;
using Greenlight.Cli.Output;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Scaling;

/// <summary>
/// <c>greenlight asg</c> (alias <c>auto-scaling-group</c>): create, list, get, update, scale, delete, instances,
/// activities, and the lifecycle hook verbs (<see cref="AsgHookCommands"/>).
/// </summary>
internal static class AsgCommand
{
    public static Command Create()
    {
        var command = new Command("asg",
            "Create, change, scale and delete auto scaling groups, and look at their instances and activities.\n" +
            "The server launches and terminates instances until the group runs its desired capacity; deployment groups\n" +
            "select the group's instances with --asg.\n" +
            "Examples:\n" +
            "  greenlight asg create web-asg --launch-template web --min 1 --max 4 --desired 2\n" +
            "  greenlight asg scale web-asg 3 --wait\n" +
            "  greenlight asg instances web-asg\n" +
            "  greenlight asg update web-asg --launch-template web:2\n" +
            "  greenlight asg put-hook web-asg warmup --transition launch --heartbeat-timeout 5m\n" +
            Help.ApiExitCodes)
        {
            CreateVerb(), List(), Get(), Update(), ScaleCommand.Create(), Delete(), Instances(), Activities(),
            AsgHookCommands.Put(), AsgHookCommands.Delete(), AsgHookCommands.Complete(),
        };
        command.Aliases.Add("auto-scaling-group");
        return command.AsGroup();
    }

    public static Argument<string> Name() => Help.Name("asg", "The auto scaling group.");

    public static string Path(string name) => "auto-scaling-groups/" + Uri.EscapeDataString(name);

    private static Command CreateVerb()
    {
        var name = Help.Name("asg", "The group's name: 1-100 of A-Z a-z 0-9 . _ + = , @ -.");
        var o = new AsgOptions(create: true);
        return new Command("create", Help.Verb("Create an auto scaling group; the server launches instances up to the desired capacity.",
            "asg create web-asg --launch-template web --min 0 --max 4 --desired 2",
            "asg create web-asg --launch-template web:latest --min 1 --max 1 --health-check-grace 30s --hook warmup:launch:5m:CONTINUE",
            "asg create web-asg --launch-template web --min 2 --max 4 --target-group web"))
        {
            name, o.LaunchTemplate, o.Min, o.Max, o.Desired, o.HealthCheck, o.HealthCheckGrace, o.Hooks, o.Tags, o.TargetGroups,
        }.WithApi(async call =>
        {
            var input = new CreateAutoScalingGroupInput(call.Get(name), call.Get(o.LaunchTemplate), call.Get(o.Min), call.Get(o.Max), call.Get(o.Desired),
                call.Get(o.HealthCheck), Options.DurationOption.Seconds(call.Get(o.HealthCheckGrace)),
                call.Has(o.Hooks) ? call.Get(o.Hooks) : null, call.Has(o.Tags) ? call.Get(o.Tags) : null,
                call.Has(o.TargetGroups) ? call.Get(o.TargetGroups) : null);
            var answer = await call.Api.PostAsync("auto-scaling-groups", input, CancellationToken.None);
            var group = answer["autoScalingGroup"];
            return call.Done(answer, $"Created auto scaling group {call.Get(name)}: {AsgViews.Template(group?["launchTemplate"])}, " +
                                     $"min {Cells.Text(group?["minSize"])}, max {Cells.Text(group?["maxSize"])}, desired {Cells.Text(group?["desiredCapacity"])}");
        });
    }

    private static Command Update()
    {
        var name = Name();
        var o = new AsgOptions(create: false);
        return new Command("update", Help.Verb("Change a group: only the options given change. A new launch template version applies to instances launched from now on.",
            "asg update web-asg --launch-template web:2", "asg update web-asg --min 2 --max 6", "asg update web-asg --target-group web --target-group api"))
        {
            name, o.LaunchTemplate, o.Min, o.Max, o.Desired, o.HealthCheck, o.HealthCheckGrace, o.TargetGroups,
        }.WithApi(async call =>
        {
            var input = new UpdateAutoScalingGroupInput(call.Get(o.LaunchTemplate), call.Get(o.Min), call.Get(o.Max), call.Get(o.Desired),
                call.Get(o.HealthCheck), Options.DurationOption.Seconds(call.Get(o.HealthCheckGrace)), call.Has(o.TargetGroups) ? call.Get(o.TargetGroups) : null);
            var answer = await call.Api.PutAsync(Path(call.Get(name)), input, CancellationToken.None);
            return call.Print(answer, w =>
            {
                w.WriteLine($"Updated auto scaling group {call.Get(name)}");
                AsgViews.Group(w, answer["autoScalingGroup"]);
            });
        });
    }

    private static Command List() => new Command("list", Help.Verb("List auto scaling groups with their template, sizes and instances by state.", "asg list")).WithApi(async call =>
    {
        var answer = await call.Api.GetAsync("auto-scaling-groups", CancellationToken.None);
        var table = new Table("NAME", "LAUNCH TEMPLATE", "MIN", "MAX", "DESIRED", "INSTANCES");
        foreach (var group in Cells.Items(answer["autoScalingGroups"]))
        {
            table.Add(Cells.Text(group["autoScalingGroupName"]), AsgViews.Template(group["launchTemplate"]), Cells.Text(group["minSize"]),
                Cells.Text(group["maxSize"]), Cells.Text(group["desiredCapacity"]), AsgViews.Counts(group["instances"]));
        }

        return call.Print(answer, table.Write);
    });

    private static Command Get()
    {
        var name = Name();
        return new Command("get", Help.Verb("Show a group: template, sizes, instances by state, health check and lifecycle hooks.", "asg get web-asg", "asg get web-asg -o json"))
        {
            name,
        }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync(Path(call.Get(name)), CancellationToken.None);
            return call.Print(answer, w => AsgViews.Group(w, answer["autoScalingGroup"]));
        });
    }

    private static Command Delete()
    {
        var name = Name();
        var force = new Option<bool>("--force") { Description = "Terminate the group's instances (without it, a group with instances is refused: scale it to 0 first)." };
        return new Command("delete", Help.Verb("Delete a group. The server terminates its instances, then removes it.", "asg delete web-asg", "asg delete web-asg --force"))
        {
            name, force,
        }.WithApi(async call =>
        {
            var answer = await call.Api.DeleteAsync(Path(call.Get(name)) + (call.Get(force) ? "?forceDelete=true" : ""), CancellationToken.None);
            return call.Done(answer, $"Deleting auto scaling group {call.Get(name)}" + (Cells.Text(answer["status"]) is { } status ? $": {status}" : ""));
        });
    }

    private static Command Instances()
    {
        var name = Name();
        return new Command("instances", Help.Verb("List a group's instances: lifecycle state, health, address, template version, launch time and why.", "asg instances web-asg"))
        {
            name,
        }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync(Path(call.Get(name)) + "/instances", CancellationToken.None);
            return call.Print(answer, AsgViews.Instances(answer["instances"]).Write);
        });
    }

    private static Command Activities()
    {
        var name = Name();
        return new Command("activities", Help.Verb("List what a group did and why, newest first: launches, terminations, failures.", "asg activities web-asg"))
        {
            name,
        }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync(Path(call.Get(name)) + "/activities", CancellationToken.None);
            return call.Print(answer, AsgViews.Activities(answer["activities"]).Write);
        });
    }
}
