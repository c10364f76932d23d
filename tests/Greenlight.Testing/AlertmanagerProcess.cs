using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Greenlight.Testing;

/// <summary>
/// A real Alertmanager (Debian's prometheus-alertmanager, installed by eng/ensure-test-tools.sh) on a free loopback port,
/// sending every alert at once (no grouping wait) to one webhook with a bearer token, resolved alerts included.
/// Clustering is off. Tests stop only this process, by its PID.
/// </summary>
public sealed class AlertmanagerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _dir;

    private AlertmanagerProcess(Process process, TempDirectory dir, Uri url)
    {
        _process = process;
        _dir = dir;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<AlertmanagerProcess> StartAsync(string webhookUrl, string token)
    {
        var dir = new TempDirectory("gl-alertmanager");
        var tokenFile = dir.Combine("token");
        await File.WriteAllTextAsync(tokenFile, token);
        await File.WriteAllTextAsync(dir.Combine("alertmanager.yml"), $"""
            route:
              receiver: greenlight
              group_by: ['alertname']
              group_wait: 0s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
              - name: greenlight
                webhook_configs:
                  - url: '{webhookUrl}'
                    send_resolved: true
                    http_config:
                      authorization:
                        type: Bearer
                        credentials_file: {tokenFile}
            """);
        var port = LoopbackPort.Free();
        var info = new ProcessStartInfo("prometheus-alertmanager")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--config.file=" + dir.Combine("alertmanager.yml"), "--storage.path=" + dir.Combine("data"),
                     "--web.listen-address=127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture), "--cluster.listen-address=", "--log.level=warn",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("alertmanager did not start (is it installed? eng/ensure-test-tools.sh)");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var alertmanager = new AlertmanagerProcess(process, dir, url);
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.Until(async () =>
        {
            try
            {
                return process.HasExited ? HttpStatusCode.Gone : (await http.GetAsync(new Uri("-/ready", UriKind.Relative))).StatusCode;
            }
            catch (HttpRequestException)
            {
                return HttpStatusCode.ServiceUnavailable;
            }
        }, s => s is HttpStatusCode.OK or HttpStatusCode.Gone, TimeSpan.FromSeconds(30), "alertmanager ready");
        if (process.HasExited)
        {
            await alertmanager.DisposeAsync();
            throw new InvalidOperationException($"alertmanager exited with {process.ExitCode}");
        }

        return alertmanager;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _dir.Dispose();
    }
}
