using System.Diagnostics;
using System.Globalization;

namespace Greenlight.Testing;

/// <summary>
/// A real Prometheus (Debian's package, installed by eng/ensure-test-tools.sh) on a free loopback port, scraping one
/// Greenlight server's <c>/metrics</c> every second with a read token, and evaluating the given rule files. Tests stop
/// only this process, by its PID.
/// </summary>
public sealed class PrometheusProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _dir;

    private PrometheusProcess(Process process, TempDirectory dir, Uri url)
    {
        _process = process;
        _dir = dir;
        Url = url;
    }

    /// <summary>Where its HTTP API answers, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Url { get; }

    /// <summary>
    /// Starts Prometheus scraping <paramref name="greenlightUrl"/>'s /metrics with <paramref name="token"/>; waits until it
    /// is ready. <paramref name="rules"/>: the body of a rule file (the <c>groups:</c> document), evaluated every second;
    /// its alerts go to <paramref name="alertmanager"/> when given.
    /// </summary>
    public static async Task<PrometheusProcess> StartAsync(string greenlightUrl, string token, string? rules = null, Uri? alertmanager = null)
    {
        var dir = new TempDirectory("gl-prometheus");
        var tokenFile = dir.Combine("token");
        await File.WriteAllTextAsync(tokenFile, token);
        var extraConfig = "";
        if (rules is not null)
        {
            await File.WriteAllTextAsync(dir.Combine("rules.yml"), rules);
            extraConfig += $"rule_files: ['{dir.Combine("rules.yml")}']\n";
        }

        if (alertmanager is not null)
        {
            extraConfig += $"alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ['{alertmanager.Host}:{alertmanager.Port.ToString(CultureInfo.InvariantCulture)}']\n";
        }

        var target = new Uri(greenlightUrl);
        var config = $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: greenlight
                metrics_path: /metrics
                authorization:
                  type: Bearer
                  credentials_file: {tokenFile}
                static_configs:
                  - targets: ['{target.Host}:{target.Port.ToString(CultureInfo.InvariantCulture)}']

            """ + extraConfig;
        await File.WriteAllTextAsync(dir.Combine("prometheus.yml"), config);
        var port = LoopbackPort.Free();
        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        Process process;
        try
        {
            process = await ReadyEndpointProcess.StartAsync("prometheus",
            [
                "--config.file=" + dir.Combine("prometheus.yml"), "--storage.tsdb.path=" + dir.Combine("data"),
                "--web.listen-address=127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture), "--log.level=warn",
            ], url);
        }
        catch
        {
            dir.Dispose();
            throw;
        }

        return new PrometheusProcess(process, dir, url);
    }

    public async ValueTask DisposeAsync()
    {
        await ReadyEndpointProcess.StopAsync(_process);
        _dir.Dispose();
    }
}
