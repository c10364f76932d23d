using Greenlight.Testing;

namespace Greenlight.Server.Tests.Traffic;

/// <summary>Requests through a listener the API created: both backends serve, deregistration drains, metrics count, a restart restores routing.</summary>
public sealed class RoutingTests
{
    [Fact]
    public async Task Listener_TwoRegisteredBackends_RequestsReachBothAndADeregisteredOneDrainsThenGoes()
    {
        await using var server = await TestServer.StartAsync();
        await using var a = await TestBackend.StartAsync("backend-a");
        await using var b = await TestBackend.StartAsync("backend-b");
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", a.Port, delaySeconds: 30);
        var bound = await TrafficSetup.CreateBalancerAsync(server.Admin, "web", "tg");
        await TrafficSetup.RegisterAsync(server.Admin, "tg", ("i-a", a.Port), ("i-b", b.Port));
        await TrafficSetup.UntilAsync(server.Admin, "tg", t => TrafficSetup.StateOf(t, "i-a") == "healthy" && TrafficSetup.StateOf(t, "i-b") == "healthy", "both targets healthy");

        var spread = await TrafficSetup.SendAsync(bound, 20);
        using var http = new HttpClient { BaseAddress = new Uri("http://" + bound), Timeout = TimeSpan.FromSeconds(30) };
        var slow = http.GetStringAsync("/slow");
        var busy = await TrafficSetup.UntilAsync(server.Admin, "tg", t => t.Any(x => x!["inFlight"]!.GetValue<int>() > 0), "a request in flight");
        var busyId = busy.First(x => x!["inFlight"]!.GetValue<int>() > 0)!["instanceId"]!.GetValue<string>();
        var (_, deregistered) = await server.Admin.PostAsync("/api/v1/target-groups/tg/targets/deregister", new { targets = new[] { new { instanceId = busyId } } });
        var afterwards = await TrafficSetup.SendAsync(bound, 10);
        a.Release.SetResult();
        b.Release.SetResult();
        var slowAnswer = await slow;
        var gone = await TrafficSetup.UntilAsync(server.Admin, "tg", t => TrafficSetup.StateOf(t, busyId) is null, "the drained target gone");

        Assert.Equal(["backend-a", "backend-b"], spread.Distinct().Order());
        Assert.Equal("draining", TrafficSetup.StateOf(deregistered!["targets"]!.AsArray(), busyId));
        var other = busyId == "i-a" ? "backend-b" : "backend-a";
        Assert.All(afterwards, body => Assert.Equal(other, body));
        Assert.Equal(busyId == "i-a" ? "backend-a" : "backend-b", slowAnswer);
        Assert.Single(gone);
    }

    [Fact]
    public async Task Metrics_AfterTraffic_CountRequestsForTheGroupItsTargetsAndPrometheus()
    {
        await using var server = await TestServer.StartAsync();
        await using var a = await TestBackend.StartAsync("backend-a");
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", a.Port);
        var bound = await TrafficSetup.CreateBalancerAsync(server.Admin, "web", "tg");
        await TrafficSetup.RegisterAsync(server.Admin, "tg", ("i-a", a.Port));
        await TrafficSetup.UntilAsync(server.Admin, "tg", t => TrafficSetup.StateOf(t, "i-a") == "healthy", "target healthy");

        await TrafficSetup.SendAsync(bound, 12);
        var (status, metrics) = await server.Admin.GetAsync("/api/v1/target-groups/tg/metrics?seconds=60");
        using var response = await server.Admin.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        using var anonymous = new HttpClient { BaseAddress = new Uri(server.Host.Url) };
        using var refused = await anonymous.GetAsync("/metrics");

        Assert.Equal(200, status);
        Assert.Equal(12, metrics!["total"]!["requests"]!.GetValue<long>());
        Assert.Equal(12, metrics["total"]!["responses2xx"]!.GetValue<long>());
        var target = Assert.Single(metrics["targets"]!.AsArray())!;
        Assert.Equal("i-a", target["instanceId"]!.GetValue<string>());
        Assert.Equal(12, target["metrics"]!["requests"]!.GetValue<long>());
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(response.Content.Headers.ContentType.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        Assert.Contains("greenlight_lb_requests_total{target_group=\"tg\",target=\"i-a\"} 12", text, StringComparison.Ordinal);
        Assert.Equal(401, (int)refused.StatusCode);
    }

    [Fact]
    public async Task Restart_SameDataDirectory_RestoresListenersAndTargets()
    {
        using var dir = new TempDirectory("gl-traffic");
        await using var backend = await TestBackend.StartAsync("backend-a");
        string bound;
        string token;
        await using (var first = await RunningServer.StartAsync(dir.Path))
        {
            token = first.Host.NewAdminToken!;
            using var admin = new ApiClient(first.Host.Url, token);
            await TrafficSetup.CreateGroupAsync(admin, "tg", backend.Port);
            bound = await TrafficSetup.CreateBalancerAsync(admin, "web", "tg", TrafficSetup.FreeAddress());
            await TrafficSetup.RegisterAsync(admin, "tg", ("i-a", backend.Port));
            await TrafficSetup.UntilAsync(admin, "tg", t => TrafficSetup.StateOf(t, "i-a") == "healthy", "target healthy");
        }

        var stoppedAccepts = await TrafficSetup.AcceptsAsync(bound);
        await using var second = await RunningServer.StartAsync(dir.Path);
        using var again = new ApiClient(second.Host.Url, token);
        await TrafficSetup.UntilAsync(again, "tg", t => TrafficSetup.StateOf(t, "i-a") == "healthy", "target healthy after the restart");
        var answers = await TrafficSetup.SendAsync(bound, 3);

        Assert.False(stoppedAccepts);
        Assert.All(answers, body => Assert.Equal("backend-a", body));
    }
}
