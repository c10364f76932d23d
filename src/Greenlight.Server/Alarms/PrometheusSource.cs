using Greenlight.Contracts.V1;
using Greenlight.Server.Hosting;

namespace Greenlight.Server.Alarms;

/// <summary>
/// Asks Prometheus for a period's value: one instant query (<c>GET {url}/api/v1/query?query=Q&amp;time=T</c>, T the period's
/// end) per evaluation. An unreachable server, a status other than 200 (400 and 422 carry Prometheus' error) or an error
/// answer is a poll failure; only loopback and allow-listed hosts are asked.
/// </summary>
public sealed class PrometheusSource(IHttpClientFactory clients, ServerOptions options)
{
    public const string ClientName = "metrics";

    /// <summary>The value (null: missing) or why it could not be read.</summary>
    public async Task<(double? Value, string? Error)> QueryAsync(AlarmMetric metric, DateTimeOffset at, CancellationToken ct)
    {
        if (!Uri.TryCreate(metric.Url + "/api/v1/query", UriKind.Absolute, out var url) || !MetricsHosts.IsAllowed(url, options))
        {
            return (null, $"metric.url '{metric.Url}' is not an allowed host (start the server with --allow-metrics-host)");
        }

        var time = (at.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        var request = new Uri($"{url}?query={Uri.EscapeDataString(metric.Query ?? "")}&time={time}");
        try
        {
            using var client = clients.CreateClient(ClientName);
            using var response = await client.GetAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var (value, error) = PrometheusResponse.Parse(body);
            if (error is not null)
            {
                return (null, $"GET {metric.Url}/api/v1/query answered {(int)response.StatusCode}: {error}");
            }

            return response.IsSuccessStatusCode ? (value, null) : (null, $"GET {metric.Url}/api/v1/query answered {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            return (null, $"GET {metric.Url}/api/v1/query failed: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"GET {metric.Url}/api/v1/query timed out");
        }
    }
}
