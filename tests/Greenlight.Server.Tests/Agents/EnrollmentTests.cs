using System.Diagnostics;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Agents;

public sealed class EnrollmentTests
{
    [Fact]
    public async Task Enroll_WithToken_RegistersTheInstanceWithTagsAndReturnsAWorkingCredential()
    {
        await using var server = await TestServer.StartAsync();
        var token = await EnrollmentTokenAsync(server, uses: 1, tags: new[] { new { Key = "env", Value = "prod" } });
        using var anonymous = server.Client(null);

        var (status, body) = await anonymous.PostAsync("/api/v1/agent/enroll",
            new { enrollmentToken = token, instanceName = "web-1", tags = new[] { new { Key = "role", Value = "web" } }, address = "127.0.0.2" });
        using var agent = server.Client(body!["credential"]!.GetValue<string>());
        var (_, instance) = await server.Admin.GetAsync("/api/v1/instances/web-1");

        Assert.Equal(200, status);
        Assert.Equal(200, (await agent.GetAsync("/api/v1/agent/tickets?instanceName=web-1")).Status);
        Assert.Equal(403, (await agent.GetAsync("/api/v1/applications")).Status);
        Assert.Equal(["env=prod", "role=web"], instance!["instanceInfo"]!["tags"]!.AsArray().Select(t => $"{t!["key"]}={t["value"]}").Order());
        Assert.Equal("127.0.0.2", instance["instanceInfo"]!["address"]?.GetValue<string>());
    }

    [Fact]
    public async Task Enroll_TokenUsedUp_IsRefusedAndRegistersNothing()
    {
        await using var server = await TestServer.StartAsync();
        var token = await EnrollmentTokenAsync(server, uses: 1);
        using var anonymous = server.Client(null);
        await anonymous.PostAsync("/api/v1/agent/enroll", new { enrollmentToken = token, instanceName = "web-1" });

        var (status, body) = await anonymous.PostAsync("/api/v1/agent/enroll", new { enrollmentToken = token, instanceName = "web-2" });

        Assert.Equal(401, status);
        Assert.Contains("used up or expired", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(404, (await server.Admin.GetAsync("/api/v1/instances/web-2")).Status);
    }

    [Fact]
    public async Task Enroll_ExistingInstanceName_IsRefusedSoATokenCannotTakeItOver()
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PutAsync("/api/v1/instances/web-1", new { tags = Array.Empty<object>() });
        var token = await EnrollmentTokenAsync(server, uses: 2);
        using var anonymous = server.Client(null);

        var (status, body) = await anonymous.PostAsync("/api/v1/agent/enroll", new { enrollmentToken = token, instanceName = "web-1" });

        Assert.Equal(409, status);
        Assert.Equal("InstanceNameAlreadyRegisteredException", body!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revoke_WhileALongPollIsHeld_CutsThePollAtOnce()
    {
        await using var server = await TestServer.StartAsync();
        var token = await EnrollmentTokenAsync(server, uses: 1);
        using var anonymous = server.Client(null);
        var credential = (await anonymous.PostAsync("/api/v1/agent/enroll", new { enrollmentToken = token, instanceName = "web-1" })).Body!["credential"]!.GetValue<string>();
        using var agent = server.Client(credential);
        var tokenId = (await server.Admin.GetAsync("/api/v1/tokens")).Body!["tokens"]!.AsArray().Single(t => t!["instanceName"]?.GetValue<string>() == "web-1")!["id"]!.GetValue<string>();

        var clock = Stopwatch.StartNew();
        var poll = agent.GetAsync("/api/v1/agent/tickets?instanceName=web-1&waitSeconds=30");
        await Eventually.Until(() => Task.FromResult(clock.Elapsed), t => t > TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5), "poll held");
        Assert.False(poll.IsCompleted);
        Assert.Equal(204, (await server.Admin.DeleteAsync($"/api/v1/tokens/{tokenId}")).Status);
        var (status, _) = await poll;

        Assert.Equal(401, status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the poll was cut after {clock.Elapsed}, not at once");
        Assert.Equal(401, (await agent.GetAsync("/api/v1/agent/tickets?instanceName=web-1")).Status);
    }

    [Fact]
    public async Task Enroll_ManyAgentsAtOnceWithOneToken_AllEnrollAndSpendEveryUseOnce()
    {
        await using var server = await TestServer.StartAsync();
        var token = await EnrollmentTokenAsync(server, uses: 8);
        using var anonymous = server.Client(null);

        var results = await Task.WhenAll(Enumerable.Range(1, 9).Select(i =>
            anonymous.PostAsync("/api/v1/agent/enroll", new { enrollmentToken = token, instanceName = $"web-{i}" })));

        Assert.Equal(8, results.Count(r => r.Status == 200));
        Assert.Equal(1, results.Count(r => r.Status == 401));
        Assert.Equal(8, (await server.Admin.GetAsync("/api/v1/instances")).Body!["instanceNames"]!.AsArray().Count);
    }

    internal static async Task<string> EnrollmentTokenAsync(TestServer server, int uses, object? tags = null)
    {
        var (status, body) = await server.Admin.PostAsync("/api/v1/enrollment-tokens", new { name = "fleet", uses, expiresInHours = 1, tags });
        Assert.Equal(201, status);
        return body!["token"]!.GetValue<string>();
    }
}
