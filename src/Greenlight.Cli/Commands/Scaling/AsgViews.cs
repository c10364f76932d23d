using System.Text.Json.Nodes;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands.Scaling;

/// <summary>How scaling groups, their instances and activities read in a table.</summary>
internal static class AsgViews
{
    public static void Group(TextWriter writer, JsonNode? group)
    {
        Fields.Write(writer,
            ("Auto scaling group", Cells.Text(group?["autoScalingGroupName"])),
            ("Launch template", Template(group?["launchTemplate"])),
            ("Size", $"min {Cells.Text(group?["minSize"])}, max {Cells.Text(group?["maxSize"])}, desired {Cells.Text(group?["desiredCapacity"])}"),
            ("Instances", Counts(group?["instances"]) is { Length: > 0 } counts ? counts : "none"),
            ("Health check", $"{Cells.Text(group?["healthCheckType"])}, grace {Cells.Text(group?["healthCheckGracePeriod"])}s"),
            ("Tags", Cells.Tags(group?["tags"])),
            ("Target groups", string.Join(", ", Cells.Items(group?["targetGroupNames"]).Select(Cells.Text))),
            ("Created", Cells.Time(group?["createdTime"])));
        var hooks = new Table("HOOK", "TRANSITION", "TIMEOUT", "DEFAULT", "MANAGED BY");
        foreach (var hook in Cells.Items(group?["lifecycleHooks"]))
        {
            hooks.Add(Cells.Text(hook["lifecycleHookName"]), Transition(Cells.Text(hook["lifecycleTransition"])), Cells.Text(hook["heartbeatTimeout"]) + "s",
                Cells.Text(hook["defaultResult"]), Cells.Text(hook["managedBy"]));
        }

        if (hooks.Count > 0)
        {
            writer.WriteLine();
            hooks.Write(writer);
        }
    }

    public static Table Instances(JsonNode? instances)
    {
        var table = new Table("INSTANCE", "STATE", "HEALTH", "ADDRESS", "TEMPLATE", "LAUNCHED", "REASON");
        foreach (var i in Cells.Items(instances))
        {
            table.Add(Cells.Text(i["instanceId"]), Cells.Text(i["lifecycleState"]), Cells.Text(i["healthStatus"]), Cells.Text(i["address"]),
                $"{Cells.Text(i["launchTemplateName"])}:{Cells.Text(i["launchTemplateVersion"])}", Cells.Time(i["launchTime"]), Cells.Text(i["statusReason"]));
        }

        return table;
    }

    public static Table Activities(JsonNode? activities)
    {
        var table = new Table("STARTED", "STATUS", "DESCRIPTION", "CAUSE");
        foreach (var a in Cells.Items(activities))
        {
            table.Add(Cells.Time(a["startTime"]), Cells.Text(a["statusCode"]), Cells.Text(a["description"]), Cells.Text(a["cause"]));
        }

        return table;
    }

    /// <summary><c>web:$Default</c>.</summary>
    public static string? Template(JsonNode? spec) => spec is null ? null : $"{Cells.Text(spec["launchTemplateName"])}:{Cells.Text(spec["version"])}";

    /// <summary><c>2 InService, 1 Pending</c>, without Terminated instances (they stay listed for a while).</summary>
    public static string Counts(JsonNode? instances) => string.Join(", ", Cells.Items(instances)
        .Select(i => Cells.Text(i["lifecycleState"]) ?? "")
        .Where(s => s != "Terminated")
        .GroupBy(s => s)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => $"{g.Count()} {g.Key}"));

    /// <summary><c>launch</c> or <c>terminate</c> for EC2's transition names.</summary>
    public static string? Transition(string? transition) => transition switch
    {
        AsgOptions.Launching => "launch",
        AsgOptions.Terminating => "terminate",
        _ => transition,
    };
}
