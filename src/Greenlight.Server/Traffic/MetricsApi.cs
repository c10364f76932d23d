using System.Text;
using Greenlight.Server.Auth;

namespace Greenlight.Server.Traffic;

/// <summary><c>GET /metrics</c>: the load balancer's metrics in Prometheus' text format (version 0.0.4); a read token is needed.</summary>
public static class MetricsApi
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void MapMetricsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/metrics", (TrafficState state) =>
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            state.Runtime.WritePrometheus(writer);
            return Results.Text(writer.ToString(), ContentType, Encoding.UTF8);
        }).RequireRead();
}
