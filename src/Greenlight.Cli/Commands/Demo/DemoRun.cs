using System.Diagnostics;
using System.Security.Cryptography;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Hosting;
using Greenlight.Server.Hosting;

namespace Greenlight.Cli.Commands.Demo;

/// <summary>
/// One run of the demo: starts its server (or uses the remote one), runs the <see cref="DemoScenario"/>, optionally
/// keeps everything up for exploration, then stops the server, checks that no process of the demo is left, and prints
/// the summary. Ctrl-C or SIGTERM interrupts the scenario; the clean-up still runs.
/// </summary>
internal sealed class DemoRun(TextWriter stdout, TextWriter stderr, string bundles, DemoRun.Remote? remote, bool keep)
{
    /// <summary>A server given with <c>--server</c>, and its admin token.</summary>
    public sealed record Remote(Uri Url, string Token);

    private static readonly TimeSpan LeftoverWait = TimeSpan.FromSeconds(10);

    /// <summary>Why the server given with <c>--server</c> cannot be used (unreachable: exit 2; the token refused: exit 1), or null.</summary>
    private static async Task<ApiException?> RefusedAsync(Uri url, string token, CancellationToken ct)
    {
        using var api = new ApiConnection(url, token);
        try
        {
            await api.GetAsync("applications", ct);
            return null;
        }
        catch (ApiException e)
        {
            return e;
        }
    }

    public async Task<int> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var summary = new DemoSummary();
        var say = new DemoNarrator(stdout, summary);
        using var signal = new ShutdownSignal();
        stdout.WriteLine("Greenlight demo: a fleet of local instances behind the built-in load balancer, deployed in place, scaled out,");
        stdout.WriteLine("shifted blue/green under load, and a broken revision stopped by an alarm and rolled back automatically.");
        stdout.WriteLine($"Sample bundles: {bundles}");

        string? work = null;
        FileLoggerProvider? log = null;
        InProcessServer? server = null;
        Uri? front = null;
        var kept = false;
        try
        {
            Uri url;
            string token;
            if (remote is null)
            {
                work = Directory.CreateTempSubdirectory("greenlight-demo-").FullName;
                log = new FileLoggerProvider(Path.Combine(work, "server.log"));
                var options = new ServerOptions(Path.Combine(work, "server"), "127.0.0.1:0") { HeartbeatTimeout = TimeSpan.FromSeconds(10) };
                var started = await StartServerAsync(say, options, log, signal.Token);
                server = started;
                url = new Uri(started.Url);
                token = (await File.ReadAllTextAsync(options.AdminTokenPath)).Trim();
            }
            else
            {
                (url, token) = (remote.Url, remote.Token);
                if (await RefusedAsync(url, token, signal.Token) is { } refused)
                {
                    stderr.WriteLine("error: " + refused.Line);
                    return refused.ExitCode;
                }
            }

            using var api = new ApiConnection(url, token);
            var names = new DemoNames(remote is null ? "" : "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)));
            var scenario = new DemoScenario(new DemoApi(api, names, signal.Token), say, bundles);
            try
            {
                await scenario.RunAsync();
            }
            finally
            {
                front = scenario.Front;
            }

            if (keep)
            {
                WriteSummary(summary, clock.Elapsed);
                KeepRunning(url, front, work, remote is null ? Path.Combine(work!, "server", "admin.token") : null, names);
                await Task.Delay(Timeout.Infinite, signal.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                kept = true;
            }
        }
        catch (Exception e) when (e is DemoCheckFailed or OperationCanceledException)
        {
            // The narrator recorded the step and why; the clean-up and the summary follow.
        }
        finally
        {
            if (server is not null)
            {
                await say.StepAsync("stop the server", "Stopping the server: it stops its local instances and what their hooks started", async () =>
                {
                    var stopping = Stopwatch.StartNew();
                    await server.DisposeAsync();
                    return $"stopped in {DemoSummary.Seconds(stopping.Elapsed)}";
                }).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            log?.Dispose();
        }

        if (work is not null)
        {
            await CheckNothingLeftAsync(say, Path.Combine(work, "server")).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (signal.Received && summary.Ok && !kept)
        {
            summary.Add(new DemoSummary.StepRow("interrupted", false, TimeSpan.Zero, "Ctrl-C or SIGTERM"));
        }

        if (kept && summary.Ok)
        {
            stdout.WriteLine();
            stdout.WriteLine($"Every step behaved as expected, and everything was stopped ({DemoSummary.Seconds(clock.Elapsed)} in all)." +
                (work is null ? "" : $" The data and logs are kept in {work}."));
        }
        else
        {
            WriteSummary(summary, clock.Elapsed);
        }

        if (!summary.Ok)
        {
            if (work is not null)
            {
                stderr.WriteLine($"demo: the server's log and the instances' sandboxes are kept in {work} (server.log, server/instances/ID/)");
            }

            return ExitCodes.Failure;
        }

        if (work is not null && !keep)
        {
            TryDelete(work);
        }

        return ExitCodes.Success;
    }

    private void WriteSummary(DemoSummary summary, TimeSpan elapsed)
    {
        stdout.WriteLine();
        stdout.WriteLine("== Summary");
        summary.Write(stdout, elapsed);
        stdout.Flush();
    }

    private static async Task<InProcessServer> StartServerAsync(DemoNarrator say, ServerOptions options, FileLoggerProvider log, CancellationToken ct)
    {
        InProcessServer? server = null;
        await say.StepAsync("start the server", "Starting an all-in-one Greenlight server (SQLite, local fleet, load balancer) in a temporary directory", async () =>
        {
            var (started, problem) = await InProcessServer.StartAsync(options, ServerLogging.File(log), ct);
            server = started ?? throw new DemoCheckFailed($"the server did not start: {problem}");
            say.Say($"API on {started.Url}; data in {options.DataDirectory}; log in {log.Path}");
            return started.Url;
        });
        return server!;
    }

    private static Task CheckNothingLeftAsync(DemoNarrator say, string dataDirectory) =>
        say.StepAsync("nothing left running", "Checking that no process of the demo is left (agents, sample apps, hook processes)", async () =>
        {
            var left = await Leftovers.WaitForNoneAsync(dataDirectory, LeftoverWait);
            foreach (var line in left)
            {
                say.Say("still running: " + line);
            }

            return left.Count == 0
                ? "no agent, sample app or hook process of the demo (/proc)"
                : throw new DemoCheckFailed($"{left.Count} processes of the demo still running (listed above)");
        });

    private void KeepRunning(Uri url, Uri? front, string? work, string? tokenPath, DemoNames names)
    {
        stdout.WriteLine();
        stdout.WriteLine("== Kept running (--keep): explore, then Ctrl-C to stop everything (the checks of the stop follow)");
        stdout.WriteLine($"   API:            {url}");
        stdout.WriteLine($"   load balancer:  {front}");
        if (tokenPath is not null)
        {
            stdout.WriteLine($"   admin token:    {tokenPath}");
            stdout.WriteLine($"   data and logs:  {work}");
            stdout.WriteLine($"   export GREENLIGHT_SERVER={url.ToString().TrimEnd('/')} GREENLIGHT_TOKEN_FILE={tokenPath}");
        }

        stdout.WriteLine($"   then e.g.: greenlight deployment list --app {names.Application} --group {names.Group}; greenlight asg list; curl -i {front}");
        stdout.Flush();
    }

    private void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"note: could not delete {directory}: {e.Message}");
        }
    }
}
