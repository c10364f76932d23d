using System.Globalization;

namespace Greenlight.LoadBalancer.Metrics;

/// <summary>A target group as Prometheus sees it: its cumulative traffic and green weight (null once removed).</summary>
internal sealed record PrometheusGroup(string Name, TrafficMeter Meter, int? GreenWeight);

/// <summary>A target as Prometheus sees it: health and in-flight count only while it is registered (Healthy null otherwise).</summary>
internal sealed record PrometheusTarget(string Group, string Id, TrafficMeter Meter, bool? Healthy, int InFlight);

/// <summary>
/// Writes the load balancer's metrics in Prometheus' text exposition format 0.0.4: one HELP and one TYPE line per family,
/// then its samples; label values escape backslash, double quote and line feed (<c>a"b</c> → <c>a\"b</c>).
/// </summary>
internal static class PrometheusWriter
{
    public static void Write(TextWriter writer, IReadOnlyList<PrometheusGroup> groups, IReadOnlyList<PrometheusTarget> targets)
    {
        Family(writer, "greenlight_lb_requests_total", "counter", "Requests forwarded to a target (responses and connection errors).");
        foreach (var target in targets)
        {
            Sample(writer, "greenlight_lb_requests_total", TargetLabels(target), target.Meter.Total(TrafficField.Requests));
        }

        Family(writer, "greenlight_lb_responses_total", "counter", "Responses from a target by status class.");
        foreach (var target in targets)
        {
            foreach (var (field, label) in Classes)
            {
                Sample(writer, "greenlight_lb_responses_total", TargetLabels(target) + ",code_class=\"" + label + "\"", target.Meter.Total(field));
            }
        }

        Family(writer, "greenlight_lb_connection_errors_total", "counter", "Requests that got no response from the target (refused, reset, timed out).");
        foreach (var target in targets)
        {
            Sample(writer, "greenlight_lb_connection_errors_total", TargetLabels(target), target.Meter.Total(TrafficField.ConnectionErrors));
        }

        Family(writer, "greenlight_lb_no_healthy_target_total", "counter", "Requests answered 503 because the target group had no healthy target.");
        foreach (var group in groups)
        {
            Sample(writer, "greenlight_lb_no_healthy_target_total", GroupLabels(group), group.Meter.Total(TrafficField.NoHealthyTarget));
        }

        Family(writer, "greenlight_lb_request_duration_seconds", "histogram", "Time from forwarding a request to the end of the target's response.");
        foreach (var group in groups)
        {
            Histogram(writer, group);
        }

        Family(writer, "greenlight_lb_target_healthy", "gauge", "1 while the target is healthy, else 0.");
        foreach (var target in targets)
        {
            if (target.Healthy is { } healthy)
            {
                Sample(writer, "greenlight_lb_target_healthy", TargetLabels(target), healthy ? 1 : 0);
            }
        }

        Family(writer, "greenlight_lb_target_in_flight", "gauge", "Requests forwarded to the target and not finished yet.");
        foreach (var target in targets)
        {
            if (target.Healthy is not null)
            {
                Sample(writer, "greenlight_lb_target_in_flight", TargetLabels(target), target.InFlight);
            }
        }

        Family(writer, "greenlight_lb_health_transitions_total", "counter", "Changes of a target's health state (initial, healthy, unhealthy).");
        foreach (var target in targets)
        {
            Sample(writer, "greenlight_lb_health_transitions_total", TargetLabels(target), target.Meter.Total(TrafficField.HealthTransitions));
        }

        Family(writer, "greenlight_lb_green_weight", "gauge", "Percent of a target group's requests going to its green pool.");
        foreach (var group in groups)
        {
            if (group.GreenWeight is { } weight)
            {
                Sample(writer, "greenlight_lb_green_weight", GroupLabels(group), weight);
            }
        }
    }

    /// <summary>A label value escaped for the text format: <c>\</c> → <c>\\</c>, <c>"</c> → <c>\"</c>, line feed → <c>\n</c>.</summary>
    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static readonly (int Field, string Label)[] Classes =
    [
        (TrafficField.Responses2xx, "2xx"),
        (TrafficField.Responses3xx, "3xx"),
        (TrafficField.Responses4xx, "4xx"),
        (TrafficField.Responses5xx, "5xx"),
    ];

    private static void Histogram(TextWriter writer, PrometheusGroup group)
    {
        var labels = GroupLabels(group);
        var bounds = LatencyHistogram.UpperBoundsMs;
        long cumulative = 0;
        for (var i = 0; i < LatencyHistogram.BucketCount; i++)
        {
            cumulative += group.Meter.Total(TrafficField.Histogram + i);
            var le = i < bounds.Length ? (bounds[i] / 1000).ToString("G6", CultureInfo.InvariantCulture) : "+Inf";
            Sample(writer, "greenlight_lb_request_duration_seconds_bucket", labels + ",le=\"" + le + "\"", cumulative);
        }

        var seconds = group.Meter.Total(TrafficField.LatencySumMicroseconds) / 1_000_000.0;
        writer.Write("greenlight_lb_request_duration_seconds_sum{" + labels + "} ");
        writer.Write(seconds.ToString("R", CultureInfo.InvariantCulture));
        writer.Write('\n');
        Sample(writer, "greenlight_lb_request_duration_seconds_count", labels, cumulative);
    }

    private static string GroupLabels(PrometheusGroup group) => "target_group=\"" + Escape(group.Name) + "\"";

    private static string TargetLabels(PrometheusTarget target) =>
        "target_group=\"" + Escape(target.Group) + "\",target=\"" + Escape(target.Id) + "\"";

    private static void Family(TextWriter writer, string name, string type, string help)
    {
        writer.Write("# HELP " + name + " " + help + "\n");
        writer.Write("# TYPE " + name + " " + type + "\n");
    }

    private static void Sample(TextWriter writer, string name, string labels, long value)
    {
        writer.Write(name + "{" + labels + "} ");
        writer.Write(value.ToString(CultureInfo.InvariantCulture));
        writer.Write('\n');
    }
}
