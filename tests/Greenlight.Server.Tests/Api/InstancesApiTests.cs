using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Api;

public sealed class InstancesApiTests
{
    [Fact]
    public async Task ListInstances_WithHealthRecorded_ReturnsNamesAndEachInstanceWithItsHealth()
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PutAsync("/api/v1/instances/i-1", new { tags = new[] { new { Key = "role", Value = "web" } } });
        await server.Admin.PutAsync("/api/v1/instances/i-2", new { tags = Array.Empty<object>() });
        var healthy = new InstanceHealthInfo("Healthy", "abc123", "d-ABCDEFGHI", DateTimeOffset.UnixEpoch);
        await server.Store.PutResourceAsync(InstanceHealthInfo.Kind, "i-1", Documents.Write(healthy), 0,
            new AuditEntry(DateTimeOffset.UnixEpoch, "test", "RecordInstanceHealth", "i-1", ""), CancellationToken.None);

        var (status, body) = await server.Admin.GetAsync("/api/v1/instances");
        var instances = body!["instances"]!.AsArray();

        Assert.Equal(200, status);
        Assert.Equal(["i-1", "i-2"], body["instanceNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["i-1", "i-2"], instances.Select(i => i!["instanceInfo"]!["instanceName"]!.GetValue<string>()));
        Assert.Equal("web", instances[0]!["instanceInfo"]!["tags"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(("Healthy", "abc123"), (instances[0]!["instanceHealth"]!["status"]!.GetValue<string>(), instances[0]!["instanceHealth"]!["revision"]!.GetValue<string>()));
        Assert.Equal("Unknown", instances[1]!["instanceHealth"]!["status"]!.GetValue<string>());
    }
}
