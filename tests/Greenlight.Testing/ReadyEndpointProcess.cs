using System.Diagnostics;
using System.Net;

namespace Greenlight.Testing;

/// <summary>
/// Starts a tool process that answers <c>GET /-/ready</c> when it can work (Prometheus, Alertmanager), waits for that,
/// and stops it by its PID.
/// </summary>
internal static class ReadyEndpointProcess
{
    public static async Task<Process> StartAsync(string program, IEnumerable<string> arguments, Uri url)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start (is it installed? eng/ensure-test-tools.sh)");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
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
        }, s => s is HttpStatusCode.OK or HttpStatusCode.Gone, TimeSpan.FromSeconds(30), $"{program} ready");
        if (process.HasExited)
        {
            var code = process.ExitCode;
            process.Dispose();
            throw new InvalidOperationException($"{program} exited with {code}");
        }

        return process;
    }

    public static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
