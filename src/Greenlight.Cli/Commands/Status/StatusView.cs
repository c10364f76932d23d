using System.Text.Json.Nodes;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands.Status;

/// <summary>
/// <c>greenlight status</c> as one screen: three headed sections (running, failing, waiting for you), each a table or
/// <c>none</c>, so an empty section still says it was looked at.
/// </summary>
internal static class StatusView
{
    public static void Write(TextWriter w, JsonNode report)
    {
        var running = new Table("DEPLOYMENT", "APP/GROUP", "STATUS", "PROGRESS", "TRAFFIC", "DOING");
        foreach (var d in Cells.Items(report["running"]))
        {
            running.Add(Cells.Text(d["deploymentId"]), AppGroup(d), Cells.Text(d["status"]), Progress(d["deploymentOverview"]), Traffic(d["traffic"]),
                Cells.Text(d["statusReason"]));
        }

        Section(w, "RUNNING", running);

        var failing = new Table("WHAT", "NAME", "PROBLEM");
        var f = report["failing"];
        foreach (var d in Cells.Items(f?["deployments"]))
        {
            failing.Add("deployment", $"{Cells.Text(d["deploymentId"])} ({AppGroup(d)})",
                $"failed at {Cells.Time(d["completeTime"])}: {Cells.Text(d["errorInformation"]?["message"])}; see {Cells.Text(d["explain"])}");
        }

        foreach (var a in Cells.Items(f?["alarms"]))
        {
            failing.Add("alarm", Cells.Text(a["alarmName"]), $"ALARM since {Cells.Time(a["stateUpdatedTimestamp"])}: {Cells.Text(a["stateReason"])}");
        }

        foreach (var t in Cells.Items(f?["unhealthyTargets"]))
        {
            failing.Add("target", $"{Cells.Text(t["targetGroupName"])}/{Cells.Text(t["instanceId"])} ({Cells.Text(t["pool"])})", "unhealthy: " + Cells.Text(t["reason"]));
        }

        foreach (var g in Cells.Items(f?["autoScalingGroups"]))
        {
            failing.Add("asg", Cells.Text(g["autoScalingGroupName"]), $"{Cells.Text(g["inService"])} of {Cells.Text(g["desiredCapacity"])} desired instances InService");
        }

        w.WriteLine();
        Section(w, "FAILING", failing);

        var waiting = new Table("DEPLOYMENT", "APP/GROUP", "WAITING FOR", "RUN");
        foreach (var d in Cells.Items(report["waiting"]))
        {
            waiting.Add(Cells.Text(d["deploymentId"]), AppGroup(d), Cells.Text(d["waitType"]), Cells.Text(d["command"]));
        }

        w.WriteLine();
        Section(w, "WAITING FOR YOU", waiting);
    }

    /// <summary><c>2/4 done</c>: instances that ended (succeeded, failed or skipped) of all, plus <c>1 failed</c> when some did.</summary>
    public static string Progress(JsonNode? overview)
    {
        int Count(string field) => (int?)overview?[field] ?? 0;
        var total = new[] { "pending", "inProgress", "succeeded", "failed", "skipped", "ready" }.Sum(Count);
        var done = Count("succeeded") + Count("failed") + Count("skipped");
        return $"{done}/{total} done" + (Count("failed") > 0 ? $", {Count("failed")} failed" : "");
    }

    /// <summary><c>blue 90 % green 10 %</c>; null without a split (in place).</summary>
    public static string? Traffic(JsonNode? traffic) =>
        traffic is null ? null : $"blue {Cells.Text(traffic["blueWeight"])} % green {Cells.Text(traffic["greenWeight"])} %";

    private static string AppGroup(JsonNode d) => $"{Cells.Text(d["applicationName"])}/{Cells.Text(d["deploymentGroupName"])}";

    private static void Section(TextWriter w, string title, Table table)
    {
        if (table.Count == 0)
        {
            w.WriteLine($"{title}: none");
            return;
        }

        w.WriteLine(title);
        table.Write(w);
    }
}
