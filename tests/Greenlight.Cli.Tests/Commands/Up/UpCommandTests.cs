using System.Diagnostics;
using System.Globalization;
using System.Net;
using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands.Up;

/// <summary>
/// <c>greenlight up</c> as a real process: it prints where things are, its load balancer answers, it runs a local
/// instance it is asked for, and SIGTERM stops it with exit 0 and nothing it started left running; a second start on
/// the same data finds the load balancer it made.
/// </summary>
public sealed class UpCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Up_SigtermAfterLaunchingAnInstance_ExitsZeroAndLeavesNothingRunning()
    {
        using var dir = new TempDirectory("gl-up");
        var data = dir.Combine("data");
        var (url, lb, output) = await RunUntilSignalAsync(data, async (api, lbUrl) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(lbUrl)).StatusCode); // no targets yet
            Assert.Equal(201, (await api.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "web" })).Status);
            Assert.Equal(201, (await api.PostAsync("/api/v1/auto-scaling-groups", new
            {
                autoScalingGroupName = "asg", launchTemplate = new { launchTemplateName = "web" }, minSize = 0, maxSize = 1, desiredCapacity = 1, targetGroupNames = new[] { "local-web" },
            })).Status);
            await Eventually.Until(async () => (await api.GetAsync("/api/v1/auto-scaling-groups/asg/instances")).Body!["instances"]!.AsArray(),
                i => i.Any(x => x!["lifecycleState"]!.GetValue<string>() == "InService"), Timeout, "the instance InService");
            Assert.NotEmpty(Greenlight.Cli.Commands.Demo.Leftovers.Find(data));
        });

        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
        Assert.Contains($"export GREENLIGHT_SERVER={url} GREENLIGHT_TOKEN_FILE={Path.Combine(data, "admin.token")}", output, StringComparison.Ordinal);
        Assert.Contains("Stopped.", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "server.log")));
        Assert.Empty(Greenlight.Cli.Commands.Demo.Leftovers.Find(data));

        var (_, lbAgain, again) = await RunUntilSignalAsync(data, (_, _) => Task.CompletedTask);
        Assert.StartsWith("http://127.0.0.1:", lbAgain, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", again, StringComparison.Ordinal);
        Assert.StartsWith("http://127.0.0.1:", lb, StringComparison.Ordinal);
    }

    /// <summary>Starts <c>greenlight up</c>, runs <paramref name="body"/> with an admin client and the load balancer's URL, then SIGTERM; its exit must be 0.</summary>
    private static async Task<(string Url, string LoadBalancer, string Output)> RunUntilSignalAsync(string data, Func<ApiClient, string, Task> body)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "greenlight.dll"), "up", "--data", data, "--listen", "127.0.0.1:0", "--lb-listen", "127.0.0.1:0" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var lines = new List<string>();
        var url = new TaskCompletionSource<(string, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        string? api = null;
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
            }

            if (line.StartsWith("  API:", StringComparison.Ordinal))
            {
                api = line["  API:".Length..].Trim();
            }
            else if (line.StartsWith("  load balancer:", StringComparison.Ordinal) && api is not null)
            {
                url.TrySetResult((api, line["  load balancer:".Length..].Trim().Split(' ')[0]));
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var (apiUrl, lbUrl) = await url.Task.WaitAsync(Timeout);
            using (var admin = new ApiClient(apiUrl, (await File.ReadAllTextAsync(Path.Combine(data, "admin.token"))).Trim()))
            {
                await body(admin, lbUrl);
            }

            Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            process.WaitForExit(); // the output's end
            var output = string.Join('\n', lines);
            Assert.True(process.ExitCode == 0, output);
            return (apiUrl, lbUrl, output);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
