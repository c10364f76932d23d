using System.Text.Json.Nodes;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands;

/// <summary>
/// What <c>deploy --watch</c> and <c>deployment watch</c> print between two polls: each lifecycle event of each instance
/// whose status changed (instance, event, status, and for a failure its diagnostics), and the fleet's counts by status.
/// </summary>
internal static class WatchProgress
{
    /// <summary>The longest lifecycle event name (BeforeAllowTraffic), so event columns line up from poll to poll.</summary>
    private const int EventWidth = 18;

    public sealed record Event(string Instance, string Name, string Status, string? Why);

    /// <summary>Every (instance, event) of a ListDeploymentTargets answer, in the server's order.</summary>
    public static IReadOnlyList<Event> Events(JsonNode? targets) =>
    [
        .. Cells.Items(targets?["deploymentTargets"])
            .Select(t => t["instanceTarget"])
            .SelectMany(t => Cells.Items(t?["lifecycleEvents"]).Select(e => new Event(
                Cells.Text(t?["targetId"]) ?? "",
                Cells.Text(e["lifecycleEventName"]) ?? "",
                Cells.Text(e["status"]) ?? "",
                e["diagnostics"] is { } d ? $"{Cells.Text(d["errorCode"])}: {Cells.Text(d["message"])}" : null))),
    ];

    /// <summary>
    /// A line per event whose status differs from <paramref name="previous"/> (keyed by instance and event); an event
    /// first seen Pending is not news. E.g. <c>web-1  BeforeInstall     Succeeded</c>. The events an instance skips at
    /// once (it was never attempted, or an event failed) are one line: <c>web-2  Start..End        Skipped</c>.
    /// </summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<(string Instance, string Name), string> previous, IReadOnlyList<Event> current)
    {
        var width = current.Select(e => e.Instance.Length).DefaultIfEmpty(0).Max();
        var changed = current
            .Where(e => previous.TryGetValue((e.Instance, e.Name), out var before) ? before != e.Status : e.Status != "Pending")
            .ToList();
        var lines = new List<string>();
        foreach (var instance in changed.GroupBy(e => e.Instance))
        {
            var skipped = instance.Where(e => e.Status == "Skipped").ToList();
            foreach (var e in instance.Where(e => e.Status != "Skipped"))
            {
                lines.Add(Line(e.Instance, e.Name, e.Status, e.Why));
            }

            if (skipped.Count > 0)
            {
                lines.Add(Line(instance.Key, skipped.Count == 1 ? skipped[0].Name : $"{skipped[0].Name}..{skipped[^1].Name}", "Skipped", null));
            }
        }

        return lines;

        string Line(string instance, string name, string status, string? why) =>
            $"{instance.PadRight(width)}  {name,-EventWidth}  {status}{(why is null ? "" : "  " + why)}";
    }

    /// <summary>The deploymentOverview as <c>pending 1, in progress 1, succeeded 2, failed 0</c> (skipped and ready only when some are).</summary>
    public static string Counts(JsonNode? overview)
    {
        string Count(string field) => Cells.Text(overview?[field]) ?? "0";
        var counts = new List<string>
        {
            "pending " + Count("pending"), "in progress " + Count("inProgress"), "succeeded " + Count("succeeded"), "failed " + Count("failed"),
        };
        counts.AddRange(new[] { ("skipped", "skipped"), ("ready", "ready") }.Where(c => Count(c.Item1) != "0").Select(c => $"{c.Item2} {Count(c.Item1)}"));
        return string.Join(", ", counts);
    }

    /// <summary>
    /// A blue/green deployment's traffic split, e.g. <c>traffic  blue 90 %  green 10 %  step 1/2 (canary:10:5m)</c>; null
    /// for a deployment without one.
    /// </summary>
    public static string? Traffic(JsonNode? traffic) => traffic is null
        ? null
        : $"traffic  blue {Cells.Text(traffic["blueWeight"])} %  green {Cells.Text(traffic["greenWeight"])} %  step {Cells.Text(traffic["step"])}/{Cells.Text(traffic["steps"])} ({Cells.Text(traffic["schedule"])})";
}
