using System.CommandLine;
using System.Text.Json;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Resources;
using Greenlight.Cli.Output;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.LoadBalancing;

/// <summary>
/// <c>greenlight target-group</c> (alias <c>tg</c>): create, list, get, update, delete, and the target verbs
/// (<see cref="TargetCommands"/>): register, deregister, targets, metrics.
/// </summary>
internal static class TargetGroupCommand
{
    public static Command Create()
    {
        var command = new Command("target-group",
            "Create, change and delete target groups, register and deregister their targets, and watch their health and traffic.\n" +
            "A target is an instance's address plus a port; the load balancer health-checks each target and forwards only to\n" +
            "healthy ones. Listeners (greenlight lb), deployment groups and auto scaling groups name target groups.\n" +
            "Examples:\n" +
            "  greenlight target-group create web --port 8080 --health-path /health --interval 5s\n" +
            "  greenlight tg register web --instance web-1 --instance web-2:8081\n" +
            "  greenlight tg targets web --until healthy --timeout 2m\n" +
            "  greenlight tg metrics web --seconds 300\n" +
            Help.ApiExitCodes)
        {
            CreateVerb(), List(), Get(), Update(), Delete(),
            TargetCommands.Register(), TargetCommands.Deregister(), TargetCommands.Targets(), TargetCommands.Metrics(),
        };
        command.Aliases.Add("tg");
        return command.AsGroup();
    }

    public static Argument<string> Name() => Help.Name("target-group", "The target group.");

    public static string Path(string name) => "target-groups/" + Uri.EscapeDataString(name);

    private static Command CreateVerb()
    {
        var name = Help.Name("target-group", "The target group's name: 1-100 of A-Z a-z 0-9 . _ + = , @ -.");
        var o = new TargetGroupOptions(create: true);
        var command = new Command("create", Help.Verb("Create a target group. Health check settings left out take ELB's defaults (GET / every 10s, timeout 5s, " +
                                                      "healthy after 3 passes, unhealthy after 2 failures, matcher 200; deregistration delay 300s).",
            "target-group create web --port 8080",
            "tg create web --port 8080 --health-path /health --interval 0.5s --timeout 300ms --healthy-threshold 2 --matcher 200-299 --deregistration-delay 10s",
            "tg create api --port 9000 --algorithm least-outstanding-requests"))
        {
            name,
        };
        foreach (var option in o.All)
        {
            command.Options.Add(option);
        }

        return command.WithApi(async call =>
        {
            var answer = await call.Api.PostAsync("target-groups", o.Input(call.Parse, call.Get(name), create: true), CancellationToken.None);
            var tg = answer["targetGroup"];
            return call.Done(answer, $"Created target group {call.Get(name)}: port {Cells.Text(tg?["port"])}, {LoadBalancingViews.HealthCheck(tg?["healthCheck"])}");
        });
    }

    private static Command Update()
    {
        var name = Name();
        var o = new TargetGroupOptions(create: false);
        var command = new Command("update", Help.Verb("Change a target group: only the options given change. New health check settings apply from the next check.",
            "target-group update web --interval 2s --unhealthy-threshold 3", "tg update web --deregistration-delay 0s --algorithm round-robin"))
        {
            name,
        };
        foreach (var option in o.All)
        {
            command.Options.Add(option);
        }

        return command.WithApi(async call =>
        {
            HealthCheckSpec? current = null;
            if (o.HasHealth(call.Parse))
            {
                var group = await call.Api.GetAsync(Path(call.Get(name)), CancellationToken.None);
                current = group["targetGroup"]?["healthCheck"].Deserialize<HealthCheckSpec>(ApiConnection.Json);
            }

            var answer = await call.Api.PutAsync(Path(call.Get(name)), o.Input(call.Parse, null, create: false, current), CancellationToken.None);
            return call.Print(answer, w =>
            {
                w.WriteLine($"Updated target group {call.Get(name)}");
                LoadBalancingViews.TargetGroup(w, answer["targetGroup"]);
            });
        });
    }

    private static Command List() => new Command("list", Help.Verb("List target groups: port, health check, algorithm, targets by state and the load balancers using each.",
        "target-group list", "tg list -o json")).WithApi(async call =>
    {
        var answer = await call.Api.GetAsync("target-groups", CancellationToken.None);
        var table = new Table("NAME", "PORT", "HEALTH CHECK", "ALGORITHM", "TARGETS", "LOAD BALANCERS");
        foreach (var tg in Cells.Items(answer["targetGroups"]))
        {
            table.Add(Cells.Text(tg["targetGroupName"]), Cells.Text(tg["port"]), LoadBalancingViews.HealthCheck(tg["healthCheck"]),
                TargetGroupOptions.CliAlgorithm(Cells.Text(tg["algorithm"])), LoadBalancingViews.Counts(tg["targets"]),
                string.Join(",", Cells.Items(tg["loadBalancerNames"]).Select(Cells.Text)));
        }

        return call.Print(answer, table.Write);
    });

    private static Command Get()
    {
        var name = Name();
        return new Command("get", Help.Verb("Show a target group: its settings, green weight, the load balancers using it, and its targets " +
                                            "(instance, address:port, pool, state, in-flight requests, reason).",
            "target-group get web", "tg get web -o json"))
        {
            name,
        }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync(Path(call.Get(name)), CancellationToken.None);
            return call.Print(answer, w => LoadBalancingViews.TargetGroup(w, answer["targetGroup"]));
        });
    }

    private static Command Delete()
    {
        var name = Name();
        return new Command("delete", Help.Verb("Delete a target group. Refused (exit 1) while a listener, a deployment group or an auto scaling group names it.",
            "target-group delete web"))
        {
            name,
        }.WithApi(async call =>
        {
            var answer = await call.Api.DeleteAsync(Path(call.Get(name)), CancellationToken.None);
            return call.Done(answer, $"Deleted target group {call.Get(name)}");
        });
    }
}
