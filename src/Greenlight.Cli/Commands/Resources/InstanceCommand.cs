using System.CommandLine;
using System.Text.Json.Nodes;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Options;
using Greenlight.Cli.Output;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Resources;

/// <summary><c>greenlight instance list|get|register|deregister</c>: the fleet as CodeDeploy's on-premises instances, with health and scaling state.</summary>
internal static class InstanceCommand
{
    public static Command Create()
    {
        var command = new Command("instance",
            "List, show, register and deregister instances (CodeDeploy's on-premises instances).\n" +
            "list shows each instance's tags, its health (Healthy, Unhealthy, or Unknown before any deployment reached it),\n" +
            "the revision it runs and, for an instance of an auto scaling group, the group and its lifecycle state.\n" +
            "Agents register themselves when they enroll; register is for tagging an instance by hand.\n" +
            "Examples:\n" +
            "  greenlight instance list\n" +
            "  greenlight instance register web-1 --tag role=web --tag env=prod\n" +
            "  greenlight instance get web-1 -o json\n" +
            Help.ApiExitCodes)
        {
            List(), Get(), Register(), Deregister(),
        };
        return command.AsGroup();
    }

    private static Command List() => new Command("list", Help.Verb("List instances: tags, health, the revision each runs, and the auto scaling group and lifecycle state of those a group launched.", "instance list", "instance list -o json")).WithApi(async call =>
    {
        var answer = await call.Api.GetAsync("instances", CancellationToken.None);
        if (call.Structured)
        {
            return call.Print(answer, _ => { });
        }

        var scaling = await ScalingStatesAsync(call.Api);
        var table = new Table("NAME", "TAGS", "HEALTH", "REVISION", "ASG", "LIFECYCLE");
        foreach (var instance in await InstancesAsync(call.Api, answer))
        {
            var name = Cells.Text(instance["instanceInfo"]?["instanceName"]) ?? "";
            var health = instance["instanceHealth"];
            var asg = scaling.GetValueOrDefault(name);
            table.Add(name, Cells.Tags(instance["instanceInfo"]?["tags"]), Cells.Text(health?["status"]) ?? "Unknown",
                Cells.Sha(Cells.Text(health?["revision"])), asg?.Group, asg?.State);
        }

        return call.Print(answer, table.Write);
    });

    private static Command Get()
    {
        var name = Help.Name("instance", "The instance.");
        return new Command("get", Help.Verb("Show an instance: tags, registration, health, the revision it runs and its auto scaling group.", "instance get web-1")) { name }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync($"instances/{Uri.EscapeDataString(call.Get(name))}", CancellationToken.None);
            if (call.Structured)
            {
                return call.Print(answer, _ => { });
            }

            var info = answer["instanceInfo"];
            var health = answer["instanceHealth"];
            var asg = (await ScalingStatesAsync(call.Api)).GetValueOrDefault(call.Get(name));
            return call.Print(answer, w => Fields.Write(w,
                ("Instance", Cells.Text(info?["instanceName"])), ("Tags", Cells.Tags(info?["tags"])), ("Registered", Cells.Time(info?["registerTime"])),
                ("Health", Cells.Text(health?["status"]) ?? "Unknown"), ("Revision", Cells.Text(health?["revision"])),
                ("Last deployment", Cells.Text(health?["lastDeploymentId"])), ("Auto scaling", asg is null ? null : $"{asg.Group} ({asg.State})")));
        });
    }

    private static Command Register()
    {
        var name = Help.Name("instance", "The instance's name: 1-100 of A-Z a-z 0-9 . _ + = , @ -.");
        var tags = TagOptions.Tags("A tag; registering again replaces every tag (at most 10).");
        return new Command("register", Help.Verb("Register an instance, or replace its tags.", "instance register web-1 --tag role=web --tag env=prod")) { name, tags }.WithApi(async call =>
        {
            var answer = await call.Api.PutAsync($"instances/{Uri.EscapeDataString(call.Get(name))}",
                new RegisterInstanceInput(call.Get(tags) ?? []), CancellationToken.None);
            return call.Done(answer, $"Registered instance {call.Get(name)} {Cells.Tags(answer["instanceInfo"]?["tags"])}".TrimEnd());
        });
    }

    private static Command Deregister()
    {
        var name = Help.Name("instance", "The instance.");
        return new Command("deregister", Help.Verb("Deregister an instance: deployments no longer target it.", "instance deregister web-1")) { name }.WithApi(async call =>
        {
            var answer = await call.Api.DeleteAsync($"instances/{Uri.EscapeDataString(call.Get(name))}", CancellationToken.None);
            return call.Done(answer, $"Deregistered instance {call.Get(name)}");
        });
    }

    /// <summary>Each instance with its health; from a server older than the <c>instances</c> field, one call per name.</summary>
    private static async Task<IReadOnlyList<JsonNode>> InstancesAsync(ApiConnection api, JsonNode answer)
    {
        if (answer["instances"] is JsonArray instances)
        {
            return [.. instances.OfType<JsonNode>()];
        }

        var found = new List<JsonNode>();
        foreach (var name in Cells.Items(answer["instanceNames"]).Select(Cells.Text))
        {
            found.Add(await api.GetAsync($"instances/{Uri.EscapeDataString(name!)}", CancellationToken.None));
        }

        return found;
    }

    internal sealed record ScalingState(string Group, string State);

    /// <summary>Instance id to its auto scaling group and lifecycle state; empty when the server has no scaling groups API.</summary>
    private static async Task<Dictionary<string, ScalingState>> ScalingStatesAsync(ApiConnection api)
    {
        JsonNode groups;
        try
        {
            groups = await api.GetAsync("auto-scaling-groups", CancellationToken.None);
        }
        catch (ApiException e) when (e.Status == 404)
        {
            return [];
        }

        return ScalingStates(groups);
    }

    /// <summary>Instance id to its group and lifecycle state, from a ListAutoScalingGroups answer.</summary>
    internal static Dictionary<string, ScalingState> ScalingStates(JsonNode groups)
    {
        var states = new Dictionary<string, ScalingState>(StringComparer.Ordinal);
        foreach (var group in Cells.Items(groups["autoScalingGroups"]))
        {
            foreach (var instance in Cells.Items(group["instances"]))
            {
                if (Cells.Text(instance["instanceId"]) is { } id)
                {
                    states[id] = new ScalingState(Cells.Text(instance["autoScalingGroupName"]) ?? Cells.Text(group["autoScalingGroupName"]) ?? "",
                        Cells.Text(instance["lifecycleState"]) ?? "");
                }
            }
        }

        return states;
    }
}
