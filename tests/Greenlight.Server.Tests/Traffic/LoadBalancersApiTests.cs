using System.Net;
using System.Net.Sockets;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Traffic;

/// <summary>Load balancers through the API: the lifecycle, validation naming fields, addresses in use, deletion stopping listeners.</summary>
public sealed class LoadBalancersApiTests
{
    [Fact]
    public async Task CreateGetListUpdateDelete_RoundTrip_ShowsListenersAndStopsThemOnDelete()
    {
        await using var server = await TestServer.StartAsync();
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg-a", 8081);
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg-b", 8082);

        var bound = await TrafficSetup.CreateBalancerAsync(server.Admin, "web", "tg-a");
        var (getStatus, got) = await server.Admin.GetAsync("/api/v1/load-balancers/web");
        var (updateStatus, updated) = await server.Admin.PutAsync("/api/v1/load-balancers/web", new
        {
            listeners = new[]
            {
                new { address = "127.0.0.1:0", protocol = "HTTP", forward = new[] { new { targetGroupName = "tg-a", weight = 1 }, new { targetGroupName = "tg-b", weight = 3 } } },
            },
        });
        var (_, list) = await server.Admin.GetAsync("/api/v1/load-balancers");
        var (_, group) = await server.Admin.GetAsync("/api/v1/target-groups/tg-b");
        var newBound = updated!["loadBalancer"]!["listeners"]![0]!["boundAddress"]!.GetValue<string>();
        var acceptedBeforeDelete = await TrafficSetup.AcceptsAsync(newBound);
        var (deleteStatus, _) = await server.Admin.DeleteAsync("/api/v1/load-balancers/web");
        var (missing, _) = await server.Admin.GetAsync("/api/v1/load-balancers/web");

        Assert.Equal(200, getStatus);
        var listener = got!["loadBalancer"]!["listeners"]![0]!;
        Assert.Equal("active", listener["state"]!.GetValue<string>());
        Assert.Equal(bound, listener["boundAddress"]!.GetValue<string>());
        Assert.Equal(200, updateStatus);
        Assert.Equal(2, updated["loadBalancer"]!["listeners"]![0]!["forward"]!.AsArray().Count);
        Assert.Single(list!["loadBalancers"]!.AsArray());
        Assert.Equal(["web"], group!["targetGroup"]!["loadBalancerNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.True(acceptedBeforeDelete);
        Assert.Equal(204, deleteStatus);
        Assert.Equal(404, missing);
        Assert.False(await TrafficSetup.AcceptsAsync(newBound));
    }

    [Theory]
    [InlineData("web", "127.0.0.1", "HTTP", "tg", 1, "listeners[0].address '127.0.0.1'")]
    [InlineData("web", "example.com:80", "HTTP", "tg", 1, "listeners[0].address 'example.com:80'")]
    [InlineData("web", "192.0.2.1:8080", "HTTP", "tg", 1, "not an address of this machine")]
    [InlineData("web", "127.0.0.1:0", "FTP", "tg", 1, "listeners[0].protocol 'FTP'")]
    [InlineData("web", "127.0.0.1:0", "HTTPS", "tg", 1, "listeners[0].certificateFile is required")]
    [InlineData("web", "127.0.0.1:0", "HTTP", "nope", 1, "listeners[0].forward[0].targetGroupName 'nope' does not exist")]
    [InlineData("web", "127.0.0.1:0", "HTTP", "tg", 1000, "listeners[0].forward[0].weight 1000")]
    [InlineData("web", "127.0.0.1:0", "HTTP", "tg", 0, "at least one weight")]
    [InlineData("bad name", "127.0.0.1:0", "HTTP", "tg", 1, "loadBalancerName 'bad name'")]
    public async Task Create_BadInput_Is400NamingTheFieldAndStoresNothing(string name, string address, string protocol, string group, int weight, string expected)
    {
        await using var server = await TestServer.StartAsync();
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", 8081);

        var (status, body) = await server.Admin.PostAsync("/api/v1/load-balancers", new
        {
            loadBalancerName = name,
            listeners = new[] { new { address, protocol, forward = new[] { new { targetGroupName = group, weight } } } },
        });
        var (_, list) = await server.Admin.GetAsync("/api/v1/load-balancers");

        Assert.Equal(400, status);
        Assert.Equal("InvalidLoadBalancerException", body!["code"]!.GetValue<string>());
        Assert.Contains(expected, body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(list!["loadBalancers"]!.AsArray());
    }

    [Fact]
    public async Task Create_HttpsWithAMissingCertificateFile_Is400NamingTheFile()
    {
        await using var server = await TestServer.StartAsync();
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", 8081);
        var missing = Path.Combine(server.DataDirectory, "nope.pem");

        var (status, body) = await server.Admin.PostAsync("/api/v1/load-balancers", new
        {
            loadBalancerName = "web",
            listeners = new[] { new { address = "127.0.0.1:0", protocol = "HTTPS", certificateFile = missing, forward = new[] { new { targetGroupName = "tg", weight = 1 } } } },
        });

        Assert.Equal(400, status);
        Assert.Contains($"listeners[0].certificateFile '{missing}' does not exist", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_AddressInUse_Is400NamingTheListenerAndStoresNothing()
    {
        await using var server = await TestServer.StartAsync();
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", 8081);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (status, body) = await server.Admin.PostAsync("/api/v1/load-balancers", new
        {
            loadBalancerName = "web",
            listeners = new[] { new { address = "127.0.0.1:0", forward = new[] { new { targetGroupName = "tg", weight = 1 } } }, new { address, forward = new[] { new { targetGroupName = "tg", weight = 1 } } } },
        });
        var (_, list) = await server.Admin.GetAsync("/api/v1/load-balancers");

        Assert.Equal(400, status);
        Assert.Contains($"listeners[1].address '{address}' could not be used", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(list!["loadBalancers"]!.AsArray());
    }

    [Fact]
    public async Task Update_AddressInUse_Is400AndKeepsTheOldListenersRunning()
    {
        await using var server = await TestServer.StartAsync();
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", 8081);
        var original = TrafficSetup.FreeAddress();
        var bound = await TrafficSetup.CreateBalancerAsync(server.Admin, "web", "tg", original);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (status, body) = await server.Admin.PutAsync("/api/v1/load-balancers/web", new
        {
            listeners = new[] { new { address, forward = new[] { new { targetGroupName = "tg", weight = 1 } } } },
        });
        var (_, got) = await server.Admin.GetAsync("/api/v1/load-balancers/web");

        Assert.Equal(400, status);
        Assert.Contains("listeners[0].address", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(original, got!["loadBalancer"]!["listeners"]![0]!["address"]!.GetValue<string>());
        Assert.Equal("active", got["loadBalancer"]!["listeners"]![0]!["state"]!.GetValue<string>());
        Assert.True(await TrafficSetup.AcceptsAsync(bound));
    }

    [Fact]
    public async Task Create_TheServersOwnAddressOrAnotherBalancersAddress_Is400()
    {
        await using var server = await TestServer.StartAsync();
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", 8081);
        var own = new Uri(server.Host.Url).Authority;
        var first = await TrafficSetup.CreateBalancerAsync(server.Admin, "one", "tg", TrafficSetup.FreeAddress());

        var (ownStatus, ownBody) = await server.Admin.PostAsync("/api/v1/load-balancers", new
        {
            loadBalancerName = "two", listeners = new[] { new { address = own, forward = new[] { new { targetGroupName = "tg", weight = 1 } } } },
        });
        var (sharedStatus, sharedBody) = await server.Admin.PostAsync("/api/v1/load-balancers", new
        {
            loadBalancerName = "two", listeners = new[] { new { address = first, forward = new[] { new { targetGroupName = "tg", weight = 1 } } } },
        });
        var (duplicate, _) = await server.Admin.PostAsync("/api/v1/load-balancers", new
        {
            loadBalancerName = "one", listeners = new[] { new { address = "127.0.0.1:0", forward = new[] { new { targetGroupName = "tg", weight = 1 } } } },
        });

        Assert.Equal(400, ownStatus);
        Assert.Contains("the server's own API address", ownBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, sharedStatus);
        Assert.Contains("used by load balancer 'one'", sharedBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(409, duplicate);
    }

    [Fact]
    public async Task DeleteTargetGroup_ForwardedToByAListener_Is409NamingTheLoadBalancer()
    {
        await using var server = await TestServer.StartAsync();
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", 8081);
        await TrafficSetup.CreateBalancerAsync(server.Admin, "web", "tg");

        var (status, body) = await server.Admin.DeleteAsync("/api/v1/target-groups/tg");
        await server.Admin.DeleteAsync("/api/v1/load-balancers/web");
        var (after, _) = await server.Admin.DeleteAsync("/api/v1/target-groups/tg");

        Assert.Equal(409, status);
        Assert.Equal("TargetGroupInUseException", body!["code"]!.GetValue<string>());
        Assert.Contains("load balancer 'web'", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(204, after);
    }

}
