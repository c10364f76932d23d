using System.Globalization;
using System.Net.Sockets;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Targets;

namespace Greenlight.LoadBalancer.Health;

/// <summary>
/// Active health checks: one loop per target, a check at once and then every interval (the group's current settings
/// are read before each check, so a changed interval or path applies from the next one). A check is a GET of the path
/// that must answer a status the matcher accepts within the timeout; otherwise the result says why.
/// </summary>
internal sealed class HealthChecker(HttpMessageInvoker client, TimeProvider time)
{
    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, handing each result to <paramref name="report"/>.</summary>
    public async Task RunAsync(TargetRuntime target, Action<TargetRuntime, HealthCheckResult> report, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var settings = target.Group.Config.HealthCheck;
                var result = await CheckAsync(target.Prefix, settings, cancellationToken).ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                report(target, result);
                await Task.Delay(settings.Interval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One check of <c>prefix + path</c>.</summary>
    public async Task<HealthCheckResult> CheckAsync(string prefix, HealthCheckConfig settings, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var path = settings.Path.StartsWith('/') ? settings.Path : "/" + settings.Path;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, prefix + path);
            using var response = await client.SendAsync(request, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return StatusMatcher.Matches(settings.Matcher, status)
                ? HealthCheckResult.Pass
                : HealthCheckResult.Fail("status " + status.ToString(CultureInfo.InvariantCulture));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Fail("timed out after " + Seconds(settings.Timeout));
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException socket)
        {
            return HealthCheckResult.Fail(socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.ConnectionReset => "connection reset",
                SocketError.HostNotFound or SocketError.NoData => "host not found",
                SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
                SocketError.TimedOut => "connect timed out",
                _ => "connection failed (" + socket.SocketErrorCode + ")",
            });
        }
        catch (HttpRequestException e)
        {
            return HealthCheckResult.Fail(e.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "connection failed",
                HttpRequestError.ResponseEnded => "connection closed before a response",
                HttpRequestError.InvalidResponse => "invalid response",
                _ => "request failed (" + e.HttpRequestError + ")",
            });
        }
    }

    /// <summary>2 s, 0.5 s, 1.25 s.</summary>
    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
