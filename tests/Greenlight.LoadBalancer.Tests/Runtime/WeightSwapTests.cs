using System.Collections.Concurrent;
using System.Diagnostics;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Status;
using Greenlight.LoadBalancer.Tests.TestSupport;
using static Greenlight.LoadBalancer.Tests.TestSupport.TestConfig;

namespace Greenlight.LoadBalancer.Tests.Runtime;

public sealed class WeightSwapTests
{
    [Fact]
    public async Task ApplyAsync_GreenWeightToHundredUnderLoad_NoNewRequestToBlueAndNoErrors()
    {
        await using var lb = new LoadBalancerHarness();
        var blue = await lb.BackendAsync("blue");
        var green = await lb.BackendAsync("green");
        var listener = Listener(forward: ("web", 1));
        LoadBalancingConfig At(int weight) => Config(listener, Group("web", [Target(blue), Target(green, TargetPool.Green)], greenWeight: weight));
        var url = await lb.ApplyAsync(At(0));
        await lb.WaitForStateAsync("web", "blue", TargetState.Healthy);
        await lb.WaitForStateAsync("web", "green", TargetState.Healthy);

        // 8 workers, at most 3000 requests and 15 s in all. Each request notes whether the swap to 100 had returned
        // before it was sent.
        const int Budget = 3000;
        var sent = 0;
        var swapped = 0;
        var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var results = new ConcurrentBag<(bool AfterSwap, string Body)>();
        var errors = new ConcurrentBag<string>();
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref sent) <= Budget)
            {
                var afterSwap = Volatile.Read(ref swapped) == 1;
                try
                {
                    using var response = await lb.Client.GetAsync(url + "/");
                    var body = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        errors.Add($"{(int)response.StatusCode} {body}");
                    }

                    results.Add((afterSwap, body));
                }
                catch (HttpRequestException e)
                {
                    errors.Add(e.Message);
                }
            }
        })).ToArray();

        await Poll.UntilAsync(() => results.Count >= 300, "300 requests at green weight 0");
        await lb.Runtime.ApplyAsync(At(50), CancellationToken.None);
        var halfway = results.Count;
        await Poll.UntilAsync(() => results.Count >= halfway + 300, "300 requests at green weight 50");
        await lb.Runtime.ApplyAsync(At(100), CancellationToken.None);
        Volatile.Write(ref swapped, 1);
        var atSwap = results.Count;
        await Poll.UntilAsync(() => results.Count >= atSwap + 300 || stop.IsCancellationRequested, "300 requests at green weight 100");
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Empty(errors);
        var after = results.Where(r => r.AfterSwap).ToList();
        Assert.True(after.Count >= 100, $"only {after.Count} requests after the swap");
        Assert.All(after, r => Assert.Equal("green", r.Body));
        Assert.Contains(results, r => !r.AfterSwap && r.Body == "blue");
        Assert.Contains(results, r => !r.AfterSwap && r.Body == "green");
        Assert.True(results.Count <= Budget);
    }

    [Fact]
    public async Task Request_GreenWeightThirty_SplitFollowsTheWeight()
    {
        await using var lb = new LoadBalancerHarness(new SeededRandom(3));
        var blue = await lb.BackendAsync("blue");
        var green = await lb.BackendAsync("green");
        var url = await lb.ApplyAsync(Config(Listener(forward: ("web", 1)), Group("web", [Target(blue), Target(green, TargetPool.Green)], greenWeight: 30)));
        await lb.WaitForStateAsync("web", "blue", TargetState.Healthy);
        await lb.WaitForStateAsync("web", "green", TargetState.Healthy);
        var clock = Stopwatch.StartNew();

        var greens = 0;
        for (var i = 0; i < 400 && clock.Elapsed < TimeSpan.FromSeconds(15); i++)
        {
            if (await lb.GetAsync(url + "/") == "green")
            {
                greens++;
            }
        }

        // 400 draws at 30 %: the standard deviation is about 9; ±40 is more than 4 of them.
        Assert.InRange(greens, 80, 160);
    }
}
