using System.Net.Sockets;
using System.Text.Json.Nodes;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Traffic;

/// <summary>Creates target groups and load balancers through the API and sends requests through a listener.</summary>
internal static class TrafficSetup
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A target group on <paramref name="port"/> with a fast health check of <c>/health</c>.</summary>
    public static async Task CreateGroupAsync(ApiClient admin, string name, int port, double delaySeconds = 0)
    {
        var (status, body) = await admin.PostAsync("/api/v1/target-groups", new
        {
            targetGroupName = name,
            port,
            healthCheck = new { path = "/health", intervalSeconds = 0.2, timeoutSeconds = 0.15, healthyThreshold = 2, unhealthyThreshold = 2, matcher = "200" },
            deregistrationDelaySeconds = delaySeconds,
        });
        Assert.True(status == 201, body?.ToJsonString());
    }

    /// <summary>A load balancer with one HTTP listener on 127.0.0.1 and a free port forwarding to <paramref name="group"/>; returns its bound address.</summary>
    public static async Task<string> CreateBalancerAsync(ApiClient admin, string name, string group, string address = "127.0.0.1:0")
    {
        var (status, body) = await admin.PostAsync("/api/v1/load-balancers", new
        {
            loadBalancerName = name,
            listeners = new[] { new { address, protocol = "HTTP", forward = new[] { new { targetGroupName = group, weight = 1 } } } },
        });
        Assert.True(status == 201, body?.ToJsonString());
        return body!["loadBalancer"]!["listeners"]![0]!["boundAddress"]!.GetValue<string>();
    }

    /// <summary>Registers the instances (when not yet registered) and makes them targets of the group.</summary>
    public static async Task RegisterAsync(ApiClient admin, string group, params (string Instance, int Port)[] targets)
    {
        foreach (var (instance, _) in targets)
        {
            if ((await admin.GetAsync("/api/v1/instances/" + instance)).Status == 404)
            {
                Assert.Equal(200, (await admin.PutAsync("/api/v1/instances/" + instance, new { tags = Array.Empty<object>() })).Status);
            }
        }

        var (status, body) = await admin.PostAsync($"/api/v1/target-groups/{group}/targets", new { targets = targets.Select(t => new { instanceId = t.Instance, port = t.Port }) });
        Assert.True(status == 200, body?.ToJsonString());
    }

    public static async Task<JsonArray> TargetsAsync(ApiClient admin, string group) =>
        (await admin.GetAsync($"/api/v1/target-groups/{group}/targets")).Body!["targets"]!.AsArray();

    public static Task<JsonArray> UntilAsync(ApiClient admin, string group, Func<JsonArray, bool> done, string what) =>
        Eventually.Until(() => TargetsAsync(admin, group), done, Timeout, what);

    public static string? StateOf(JsonArray targets, string instance) =>
        targets.FirstOrDefault(t => t!["instanceId"]!.GetValue<string>() == instance)?["state"]?.GetValue<string>();

    /// <summary>Sends <paramref name="count"/> GETs of <c>/</c> through the listener and returns the bodies (each backend answers its name).</summary>
    public static async Task<List<string>> SendAsync(string boundAddress, int count)
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://" + boundAddress), Timeout = TimeSpan.FromSeconds(10) };
        var bodies = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var response = await http.GetAsync("/");
            bodies.Add(response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : $"status {(int)response.StatusCode}");
        }

        return bodies;
    }

    /// <summary>A port free right now, as an address (fixed, so it can be asked for again).</summary>
    public static string FreeAddress()
    {
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return $"127.0.0.1:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}";
    }

    /// <summary>Whether something accepts connections at the address.</summary>
    public static async Task<bool> AcceptsAsync(string boundAddress)
    {
        var endpoint = System.Net.IPEndPoint.Parse(boundAddress);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(endpoint.Address, endpoint.Port).WaitAsync(TimeSpan.FromSeconds(5));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
