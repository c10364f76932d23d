using System.Text.Json.Nodes;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands.Status;

/// <summary>What the API's list answers are, gathered for <c>greenlight status</c>.</summary>
/// <param name="Running">DeploymentInfo of each deployment not yet ended.</param>
/// <param name="Failed">DeploymentInfo of the newest Failed deployments (the report keeps those of the last hour).</param>
/// <param name="Alarms">The alarms answer (<c>{"alarms":[...]}</c>).</param>
/// <param name="TargetGroups">The target-groups answer (<c>{"targetGroups":[...]}</c>).</param>
/// <param name="ScalingGroups">The auto-scaling-groups answer (<c>{"autoScalingGroups":[...]}</c>).</param>
/// <param name="Scope">With <c>--app</c>: the alarms, target groups and scaling groups its deployment groups name; null for everything.</param>
internal sealed record StatusInputs(
    IReadOnlyList<JsonNode> Running,
    IReadOnlyList<JsonNode> Failed,
    JsonNode Alarms,
    JsonNode TargetGroups,
    JsonNode ScalingGroups,
    StatusScope? Scope);

/// <summary>The resources an application's deployment groups name.</summary>
internal sealed record StatusScope(IReadOnlySet<string> Alarms, IReadOnlySet<string> TargetGroups, IReadOnlySet<string> ScalingGroups)
{
    /// <summary>The scope of an application's DeploymentGroupInfo documents.</summary>
    public static StatusScope Of(IEnumerable<JsonNode> groups)
    {
        var list = groups.ToList();
        return new StatusScope(
            Names(list.SelectMany(g => Cells.Items(g["alarmConfiguration"]?["alarms"])).Select(a => a["name"])),
            Names(list.SelectMany(g => Cells.Items(g["loadBalancerInfo"]?["targetGroupInfoList"])).Select(t => t["name"])),
            Names(list.SelectMany(g => Cells.Items(g["autoScalingGroups"]))));
    }

    private static HashSet<string> Names(IEnumerable<JsonNode?> names) => [.. names.Select(Cells.Text).OfType<string>()];
}

/// <summary>
/// The report of <c>greenlight status</c> (also its <c>-o json|yaml</c>): <c>running</c> deployments with progress and
/// traffic split; <c>failing</c> things (deployments Failed in the last hour, alarms in ALARM, unhealthy targets, scaling
/// groups with fewer InService instances than desired); and <c>waiting</c>: deployments that wait for a person, with the
/// command that continues them.
/// </summary>
internal static class StatusReport
{
    /// <summary>How far back a failed deployment still counts as failing.</summary>
    public static readonly TimeSpan FailedWindow = TimeSpan.FromHours(1);

    public static JsonObject Build(StatusInputs inputs, DateTimeOffset now)
    {
        var scope = inputs.Scope;
        return new JsonObject
        {
            ["running"] = Array(inputs.Running.Select(Running)),
            ["failing"] = new JsonObject
            {
                ["deployments"] = Array(inputs.Failed.Where(d => Cells.At(d["completeTime"]) is { } at && now - at <= FailedWindow).Select(Failed)),
                ["alarms"] = Array(Cells.Items(inputs.Alarms["alarms"])
                    .Where(a => Cells.Text(a["stateValue"]) == "ALARM" && In(scope?.Alarms, a["alarmName"]))
                    .Select(a => new JsonObject
                    {
                        ["alarmName"] = Cells.Text(a["alarmName"]), ["stateReason"] = Cells.Text(a["stateReason"]),
                        ["stateUpdatedTimestamp"] = Cells.Text(a["stateUpdatedTimestamp"]),
                    })),
                ["unhealthyTargets"] = Array(Cells.Items(inputs.TargetGroups["targetGroups"])
                    .Where(g => In(scope?.TargetGroups, g["targetGroupName"]))
                    .SelectMany(g => Cells.Items(g["targets"]).Where(t => Cells.Text(t["state"]) == "unhealthy").Select(t => new JsonObject
                    {
                        ["targetGroupName"] = Cells.Text(g["targetGroupName"]), ["instanceId"] = Cells.Text(t["instanceId"]),
                        ["pool"] = Cells.Text(t["pool"]), ["reason"] = Cells.Text(t["reason"]),
                    }))),
                ["autoScalingGroups"] = Array(Cells.Items(inputs.ScalingGroups["autoScalingGroups"])
                    .Where(g => In(scope?.ScalingGroups, g["autoScalingGroupName"]))
                    .Select(g => (Group: g, InService: Cells.Items(g["instances"]).Count(i => Cells.Text(i["lifecycleState"]) == "InService"),
                        Desired: (int?)g["desiredCapacity"] ?? 0))
                    .Where(g => g.InService < g.Desired)
                    .Select(g => new JsonObject
                    {
                        ["autoScalingGroupName"] = Cells.Text(g.Group["autoScalingGroupName"]), ["desiredCapacity"] = g.Desired, ["inService"] = g.InService,
                    })),
            },
            ["waiting"] = Array(inputs.Running.Select(Waiting).OfType<JsonObject>()),
        };
    }

    private static JsonObject Running(JsonNode d) => new()
    {
        ["deploymentId"] = Cells.Text(d["deploymentId"]),
        ["applicationName"] = Cells.Text(d["applicationName"]),
        ["deploymentGroupName"] = Cells.Text(d["deploymentGroupName"]),
        ["status"] = Cells.Text(d["status"]),
        ["phase"] = Cells.Text(d["phase"]),
        ["statusReason"] = Cells.Text(d["statusReason"]),
        ["deploymentOverview"] = d["deploymentOverview"]?.DeepClone(),
        ["traffic"] = d["traffic"]?.DeepClone(),
    };

    private static JsonObject Failed(JsonNode d) => new()
    {
        ["deploymentId"] = Cells.Text(d["deploymentId"]),
        ["applicationName"] = Cells.Text(d["applicationName"]),
        ["deploymentGroupName"] = Cells.Text(d["deploymentGroupName"]),
        ["completeTime"] = Cells.Text(d["completeTime"]),
        ["errorInformation"] = d["errorInformation"]?.DeepClone(),
        ["explain"] = $"greenlight deployment explain {Cells.Text(d["deploymentId"])}",
    };

    /// <summary>A blue/green deployment waiting in Ready (READY_WAIT) or before terminating blue (TERMINATION_WAIT); null for any other.</summary>
    private static JsonObject? Waiting(JsonNode d)
    {
        var id = Cells.Text(d["deploymentId"]);
        var (wait, command) = Cells.Text(d["phase"]) switch
        {
            "WaitingForContinue" => ("READY_WAIT", $"greenlight deployment continue {id}"),
            "WaitingToTerminate" => ("TERMINATION_WAIT", $"greenlight deployment continue {id} --termination-wait"),
            _ => (null, null),
        };
        return wait is null
            ? null
            : new JsonObject
            {
                ["deploymentId"] = id,
                ["applicationName"] = Cells.Text(d["applicationName"]),
                ["deploymentGroupName"] = Cells.Text(d["deploymentGroupName"]),
                ["waitType"] = wait,
                ["statusReason"] = Cells.Text(d["statusReason"]),
                ["command"] = command,
            };
    }

    private static bool In(IReadOnlySet<string>? scope, JsonNode? name) => scope is null || (Cells.Text(name) is { } n && scope.Contains(n));

    private static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);
}
