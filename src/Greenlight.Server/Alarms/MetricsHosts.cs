using System.Net;
using Greenlight.Server.Hosting;

namespace Greenlight.Server.Alarms;

/// <summary>
/// Which hosts the server queries for metrics: loopback always (<c>localhost</c>, 127.0.0.0/8, ::1), others only when the
/// server was started with <c>--allow-metrics-host HOST</c> (as <c>--allow-revision-host</c> does for downloads).
/// </summary>
public static class MetricsHosts
{
    public static bool IsAllowed(Uri url, ServerOptions options) =>
        url.IsLoopback
        || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))
        || (options.AllowedMetricsHosts ?? []).Contains(url.Host, StringComparer.OrdinalIgnoreCase);
}
