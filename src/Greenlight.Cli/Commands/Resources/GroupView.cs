using System.Text.Json.Nodes;
using Greenlight.Cli.Commands.Options;
using Greenlight.Cli.Output;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Resources;

/// <summary>How a DeploymentGroupInfo reads in a table: its rule, style, which instances it selects, and where it stands.</summary>
internal static class GroupView
{
    public static void Write(TextWriter writer, JsonNode? group)
    {
        var last = group?["lastSuccessfulDeployment"];
        var attempted = group?["lastAttemptedDeployment"];
        Fields.Write(writer,
            ("Group", Cells.Text(group?["deploymentGroupName"])),
            ("Application", Cells.Text(group?["applicationName"])),
            ("Id", Cells.Text(group?["deploymentGroupId"])),
            ("Configuration", Cells.Text(group?["deploymentConfigName"])),
            ("Style", Style(group?["deploymentStyle"])),
            ("Selection", Selection(group) is { Length: > 0 } selection ? selection : "nothing: no tag filter, tag set or auto scaling group"),
            ("Target groups", Cells.Items(group?["loadBalancerInfo"]?["targetGroupInfoList"]).Select(t => Cells.Text(t["name"])).ToList() is { Count: > 0 } targetGroups
                ? string.Join(", ", targetGroups)
                : null),
            ("Traffic", Cells.Text(group?["trafficRouting"])),
            ("Blue/green", Cells.Text(group?["deploymentStyle"]?["deploymentType"]) == "BLUE_GREEN" ? BlueGreen(group?["blueGreenDeploymentConfiguration"]) : null),
            ("Outdated", Cells.Text(group?["outdatedInstancesStrategy"])),
            ("Termination hook", group?["terminationHookEnabled"] is { } hook ? (hook.GetValue<bool>() ? "enabled" : "disabled") : null),
            ("Auto rollback", Rollback(group?["autoRollbackConfiguration"])),
            ("Alarms", Alarms(group?["alarmConfiguration"])),
            ("Watch", Cells.Text(group?["watchMinutes"]) is { } minutes and not "0" ? minutes + " minutes" : null),
            ("Target revision", Cells.Text(group?["targetRevision"]?["bundle"]?["sha256"])),
            ("Last success", Deployment(last)),
            ("Last attempt", Cells.Text(attempted?["deploymentId"]) != Cells.Text(last?["deploymentId"]) ? Deployment(attempted) : null));
    }

    /// <summary>One line for <c>group list</c>: the instances the group selects.</summary>
    public static string Selection(JsonNode? group)
    {
        var parts = new List<string>();
        if (Cells.Items(group?["onPremisesInstanceTagFilters"]).Select(Filter).ToList() is { Count: > 0 } filters)
        {
            parts.Add("tags " + string.Join(" OR ", filters));
        }

        var sets = Cells.Items(group?["onPremisesTagSet"]?["onPremisesTagSetList"]).Select(l => "(" + string.Join(" OR ", Cells.Items(l).Select(Filter)) + ")").ToList();
        if (sets.Count > 0)
        {
            parts.Add("tags " + string.Join(" AND ", sets));
        }

        if (Cells.Items(group?["autoScalingGroups"]).Select(Cells.Text).ToList() is { Count: > 0 } groups)
        {
            parts.Add("auto scaling " + string.Join(",", groups));
        }

        return string.Join("; ", parts);
    }

    public static string? Style(JsonNode? style) => style is null
        ? null
        : Cells.Text(style["deploymentType"]) + (Cells.Text(style["deploymentOption"]) == "WITH_TRAFFIC_CONTROL" ? " with traffic control" : " without traffic control");

    /// <summary><c>d-ABCDEFGHI Succeeded 2025-06-01 14:03:07Z</c>.</summary>
    public static string? Deployment(JsonNode? last) => last is null
        ? null
        : $"{Cells.Text(last["deploymentId"])} {Cells.Text(last["status"])} {Cells.Time(last["endTime"]) ?? Cells.Time(last["createTime"])}";

    /// <summary>
    /// A blue/green group's options in a line, e.g. <c>green copies the auto scaling group; waits 30m for continue; blue
    /// terminated 1h after</c>.
    /// </summary>
    public static string BlueGreen(JsonNode? config)
    {
        var green = Cells.Text(config?["greenFleetProvisioningOption"]?["action"]) == "DISCOVER_EXISTING"
            ? "green discovered per deployment"
            : "green copies the auto scaling group";
        var ready = config?["deploymentReadyOption"] is { } r && Cells.Text(r["actionOnTimeout"]) == "STOP_DEPLOYMENT"
            ? $"waits {Wait(r["waitTimeInSeconds"], r["waitTimeInMinutes"])} for continue"
            : "traffic moves once green is installed";
        var terminate = config?["terminateBlueInstancesOnDeploymentSuccess"];
        var blue = Cells.Text(terminate?["action"]) == "KEEP_ALIVE"
            ? "blue kept alive"
            : $"blue terminated {Wait(terminate?["terminationWaitTimeInSeconds"], terminate?["terminationWaitTimeInMinutes"])} after";
        return $"{green}; {ready}; {blue}";
    }

    private static string Wait(JsonNode? seconds, JsonNode? minutes) => Core.Traffic.TrafficScheduleParser.FormatDuration(
        seconds is not null ? TimeSpan.FromSeconds(seconds.GetValue<double>()) : TimeSpan.FromMinutes(minutes?.GetValue<int>() ?? 0));

    private static string? Rollback(JsonNode? rollback) => rollback is null
        ? null
        : rollback["enabled"]?.GetValue<bool>() == true ? "on " + string.Join(",", Cells.Items(rollback["events"]).Select(Cells.Text)) : "off";

    private static string Filter(JsonNode filter) =>
        TagOptions.Format(new TagFilter(Cells.Text(filter["key"]), Cells.Text(filter["value"]), Cells.Text(filter["type"])));

    /// <summary><c>web-5xx, pager (poll failures ignored)</c>, or null when no alarm is watched.</summary>
    private static string? Alarms(JsonNode? config) =>
        config?["enabled"]?.GetValue<bool>() == true && Cells.Items(config["alarms"]).Select(a => Cells.Text(a["name"])).ToList() is { Count: > 0 } names
            ? string.Join(", ", names) + (config["ignorePollAlarmFailure"]?.GetValue<bool>() == true ? " (poll failures ignored)" : "")
            : null;
}
