using System.Text;
using Greenlight.Engine.Storage;
using Greenlight.Server.Alarms;
using Greenlight.Server.Auth;

namespace Greenlight.Server.Traffic;

/// <summary><c>GET /metrics</c>: the load balancer's metrics and the alarms' states in Prometheus' text format (version 0.0.4); a read token is needed.</summary>
public static class MetricsApi
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void MapMetricsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/metrics", async (TrafficState state, IGreenlightStore store, CancellationToken ct) =>
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            state.Runtime.WritePrometheus(writer);
            await AlarmMetrics.WriteAsync(writer, store, ct);
            return Results.Text(writer.ToString(), ContentType, Encoding.UTF8);
        }).RequireRead();
}
