using System.Globalization;
using System.Text.Json.Nodes;
using Greenlight.Cli.Commands.Options;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands.LoadBalancing;

/// <summary>How load balancers, target groups, targets and traffic metrics read in a table.</summary>
internal static class LoadBalancingViews
{
    public static void LoadBalancer(TextWriter writer, JsonNode? lb)
    {
        Fields.Write(writer, ("Load balancer", Cells.Text(lb?["loadBalancerName"])), ("Created", Cells.Time(lb?["createdTime"])));
        writer.WriteLine();
        Listeners(lb?["listeners"]).Write(writer);
    }

    public static Table Listeners(JsonNode? listeners)
    {
        var table = new Table("ADDRESS", "PROTOCOL", "STATE", "BOUND", "FORWARD", "ERROR");
        foreach (var l in Cells.Items(listeners))
        {
            table.Add(Cells.Text(l["address"]), Cells.Text(l["protocol"]), Cells.Text(l["state"]), Cells.Text(l["boundAddress"]), Forward(l["forward"]), Cells.Text(l["error"]));
        }

        return table;
    }

    /// <summary>A forward action as it is written on the command line: <c>web:90,canary:10</c>.</summary>
    public static string Forward(JsonNode? forward) =>
        string.Join(",", Cells.Items(forward).Select(f => $"{Cells.Text(f["targetGroupName"])}:{Cells.Text(f["weight"]) ?? "1"}"));

    /// <summary>Each listener's bound address, <c>http://127.0.0.1:41234</c>, for a list.</summary>
    public static string Bound(JsonNode? listeners) => string.Join(",", Cells.Items(listeners).Select(l =>
        $"{Cells.Text(l["protocol"])?.ToLowerInvariant()}://{Cells.Text(l["boundAddress"]) ?? Cells.Text(l["address"])}"));

    public static void TargetGroup(TextWriter writer, JsonNode? tg)
    {
        var health = tg?["healthCheck"];
        Fields.Write(writer,
            ("Target group", Cells.Text(tg?["targetGroupName"])),
            ("Port", Cells.Text(tg?["port"])),
            ("Health check", HealthCheck(health)),
            ("Thresholds", $"healthy {Cells.Text(health?["healthyThreshold"])}, unhealthy {Cells.Text(health?["unhealthyThreshold"])}"),
            ("Deregistration", $"delay {Seconds(tg?["deregistrationDelaySeconds"])}"),
            ("Algorithm", TargetGroupOptions.CliAlgorithm(Cells.Text(tg?["algorithm"]))),
            ("Green weight", Cells.Text(tg?["greenWeight"]) + "%"),
            ("Load balancers", Cells.Items(tg?["loadBalancerNames"]).Select(Cells.Text).ToList() is { Count: > 0 } names ? string.Join(", ", names) : "none"),
            ("Created", Cells.Time(tg?["createdTime"])));
        writer.WriteLine();
        Targets(tg?["targets"]).Write(writer);
    }

    /// <summary><c>GET /health every 5s, timeout 2s, matcher 200-299</c>.</summary>
    public static string HealthCheck(JsonNode? health) =>
        $"GET {Cells.Text(health?["path"])} every {Seconds(health?["intervalSeconds"])}, timeout {Seconds(health?["timeoutSeconds"])}, matcher {Cells.Text(health?["matcher"])}";

    public static Table Targets(JsonNode? targets)
    {
        var table = new Table("INSTANCE", "ADDRESS", "POOL", "STATE", "IN-FLIGHT", "REASON");
        foreach (var t in Cells.Items(targets))
        {
            table.Add(Cells.Text(t["instanceId"]), $"{Cells.Text(t["address"]) ?? "?"}:{Cells.Text(t["port"])}", Cells.Text(t["pool"]), Cells.Text(t["state"]),
                Cells.Text(t["inFlight"]), Cells.Text(t["reason"]));
        }

        return table;
    }

    /// <summary><c>2 healthy, 1 draining</c>.</summary>
    public static string Counts(JsonNode? targets) => string.Join(", ", Cells.Items(targets)
        .Select(t => Cells.Text(t["state"]) ?? "")
        .GroupBy(s => s)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => $"{g.Count()} {g.Key}"));

    public static void Metrics(TextWriter writer, JsonNode? metrics)
    {
        var total = metrics?["total"];
        Fields.Write(writer,
            ("Target group", Cells.Text(metrics?["targetGroupName"])),
            ("Window", $"{Cells.Time(metrics?["from"])} to {Cells.Time(metrics?["to"])}"),
            ("Requests", Cells.Text(total?["requests"])),
            ("Responses", $"2xx {Cells.Text(total?["responses2xx"])}, 3xx {Cells.Text(total?["responses3xx"])}, 4xx {Cells.Text(total?["responses4xx"])}, 5xx {Cells.Text(total?["responses5xx"])}"),
            ("Conn. errors", Cells.Text(total?["connectionErrors"])),
            ("Latency", $"p50 {Ms(total?["latencyP50Ms"])}, p90 {Ms(total?["latencyP90Ms"])}, p99 {Ms(total?["latencyP99Ms"])}"),
            ("Health changes", Cells.Text(total?["healthTransitions"])));
        var table = new Table("INSTANCE", "REQUESTS", "2XX", "3XX", "4XX", "5XX", "CONN-ERR", "P50", "P90", "P99", "HEALTH-CHANGES");
        foreach (var t in Cells.Items(metrics?["targets"]))
        {
            var m = t["metrics"];
            table.Add(Cells.Text(t["instanceId"]), Cells.Text(m?["requests"]), Cells.Text(m?["responses2xx"]), Cells.Text(m?["responses3xx"]), Cells.Text(m?["responses4xx"]),
                Cells.Text(m?["responses5xx"]), Cells.Text(m?["connectionErrors"]), Ms(m?["latencyP50Ms"]), Ms(m?["latencyP90Ms"]), Ms(m?["latencyP99Ms"]),
                Cells.Text(m?["healthTransitions"]));
        }

        writer.WriteLine();
        table.Write(writer);
    }

    /// <summary>Milliseconds to one decimal (<c>3.2ms</c>), <c>-</c> when there was no response.</summary>
    public static string Ms(JsonNode? ms) =>
        ms is JsonValue v && v.TryGetValue<double>(out var value) ? value.ToString("0.0", CultureInfo.InvariantCulture) + "ms" : "-";

    private static string Seconds(JsonNode? seconds) =>
        seconds is JsonValue v && v.TryGetValue<double>(out var value) ? FineDuration.Format(value) : "?";
}
