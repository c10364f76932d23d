using System.Diagnostics;
using System.Globalization;

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
        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        Process process;
        try
        {
            process = await ReadyEndpointProcess.StartAsync("prometheus-alertmanager",
            [
                "--config.file=" + dir.Combine("alertmanager.yml"), "--storage.path=" + dir.Combine("data"),
                "--web.listen-address=127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture), "--cluster.listen-address=", "--log.level=warn",
            ], url);
        }
        catch
        {
            dir.Dispose();
            throw;
        }

        return new AlertmanagerProcess(process, dir, url);
    }

    public async ValueTask DisposeAsync()
    {
        await ReadyEndpointProcess.StopAsync(_process);
        _dir.Dispose();
    }
}
