using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Greenlight.LoadBalancer;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Greenlight.Bench;

/// <summary>
/// <c>lb [SECONDS] [CONCURRENCY]</c>: requests per second and latency (p50, p99) of GET / at a fixed concurrency, first
/// straight to a backend, then through the built-in load balancer to the same backend, SECONDS each (default 10) after a
/// one-second warm-up, on loopback. Client, load balancer and backend share this process and the machine's cores, so the
/// difference between the rows is the load balancer's cost under that sharing, not an absolute capacity.
/// </summary>
internal static class LoadBalancerBench
{
    /// <summary>A bound on requests per run, whatever the machine's speed.</summary>
    private const int MaxRequests = 2_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
        if (seconds is <= 0 or > 120 || concurrency is < 1 or > 256)
        {
            await Console.Error.WriteLineAsync("usage: Greenlight.Bench lb [SECONDS (0-120]] [CONCURRENCY 1-256]");
            return 2;
        }

        await using var backend = await StartBackendAsync();
        var backendPort = new Uri(backend.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        await using var runtime = new LoadBalancerRuntime(TimeProvider.System, NullLoggerFactory.Instance);
        var health = new HealthCheckConfig("/", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 1, 2, "200");
        var listeners = await runtime.ApplyAsync(new LoadBalancingConfig(
            [new ListenerConfig("bench", "127.0.0.1:0", false, null, null, [new WeightedTargetGroup("backend", 1)])],
            [new TargetGroupConfig("backend", health, TimeSpan.Zero, BalancingAlgorithm.RoundRobin, 0, [new TargetConfig("b", "127.0.0.1", backendPort, TargetPool.Blue)])]),
            CancellationToken.None);
        var deadline = Stopwatch.StartNew();
        while (runtime.Targets("backend").Single().State != TargetState.Healthy)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                await Console.Error.WriteLineAsync("the backend did not become healthy within 10 s");
                return 1;
            }

            await Task.Delay(20);
        }

        var rows = new List<(string Name, Result Result)>();
        foreach (var (name, url) in new[]
        {
            ("direct to the backend", $"http://127.0.0.1:{backendPort}/"),
            ("through the load balancer", $"http://{listeners[0].BoundAddress}/"),
        })
        {
            await LoadAsync(url, 1, concurrency);
            rows.Add((name, await LoadAsync(url, seconds, concurrency)));
        }

        Console.WriteLine($"{"GET / (" + concurrency.ToString(CultureInfo.InvariantCulture) + " concurrent)",-28} {"req/s",10} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
        Console.WriteLine($"{new string('-', 28)} {new string('-', 10)} {new string('-', 8)} {new string('-', 8)} {new string('-', 7)}");
        foreach (var (name, result) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-28} {result.PerSecond,10:0} {result.P50,8:0.00} {result.P99,8:0.00} {result.Errors,7}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\n{seconds} s per row after a 1 s warm-up, loopback, one process; {Environment.ProcessorCount} cores."));
        return rows.Exists(r => r.Result.Errors > 0) ? 1 : 0;
    }

    private sealed record Result(double PerSecond, double P50, double P99, long Errors);

    private static async Task<Result> LoadAsync(string url, double seconds, int concurrency)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = concurrency });
        var sent = 0;
        long errors = 0;
        var stop = TimeSpan.FromSeconds(seconds);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>();
            while (clock.Elapsed < stop && Interlocked.Increment(ref sent) <= MaxRequests)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(url);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return latencies;
        })).ToArray();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).ToList();
        var elapsed = clock.Elapsed.TotalSeconds;
        all.Sort();
        return all.Count == 0
            ? new Result(0, 0, 0, errors)
            : new Result(all.Count / elapsed, all[all.Count / 2], all[Math.Min(all.Count - 1, (int)(all.Count * 0.99))], errors);
    }

    private static async Task<WebApplication> StartBackendAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(context => context.Response.WriteAsync("ok"));
        await app.StartAsync();
        return app;
    }
}
