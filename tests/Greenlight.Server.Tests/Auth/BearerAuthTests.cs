using Greenlight.Testing;
namespace Greenlight.Server.Tests.Auth;

public sealed class BearerAuthTests
{
    [Fact]
    public async Task Health_WithoutToken_IsOpen()
    {
        await using var server = await TestServer.StartAsync();
        using var anonymous = server.Client(null);

        var (status, body) = await anonymous.GetAsync("/health");

        Assert.Equal(200, status);
        Assert.Equal("ok", body!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("glt_not-a-real-token")]
    public async Task Api_WithoutValidToken_IsUnauthorizedWithProblemDetails(string? token)
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client(token);

        var (status, body) = await client.GetAsync("/api/v1/applications");

        Assert.Equal(401, status);
        Assert.Equal("Unauthorized", body!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Write_WithReaderToken_IsForbiddenAndChangesNothing()
    {
        await using var server = await TestServer.StartAsync();
        using var reader = server.Client(await server.TokenAsync("reader"));

        var (status, body) = await reader.PostAsync("/api/v1/applications", new { applicationName = "web" });
        var (listStatus, list) = await reader.GetAsync("/api/v1/applications");

        Assert.Equal(403, status);
        Assert.Equal("AccessDenied", body!["code"]!.GetValue<string>());
        Assert.Equal(200, listStatus);
        Assert.Empty(list!["applications"]!.AsArray());
    }

    [Fact]
    public async Task Api_WithAgentToken_IsForbiddenOutsideTheAgentProtocol()
    {
        await using var server = await TestServer.StartAsync();
        using var agent = server.Client(await server.TokenAsync("agent", "i-1"));

        Assert.Equal(403, (await agent.GetAsync("/api/v1/applications")).Status);
        Assert.Equal(200, (await agent.GetAsync("/api/v1/agent/tickets?instanceName=i-1")).Status);
        Assert.Equal(403, (await agent.GetAsync("/api/v1/agent/tickets?instanceName=i-2")).Status);
    }

    [Fact]
    public async Task RevokedToken_IsRefusedAtOnce()
    {
        await using var server = await TestServer.StartAsync();
        var (_, created) = await server.Admin.PostAsync("/api/v1/tokens", new { name = "ci", role = "operator" });
        using var ci = server.Client(created!["token"]!.GetValue<string>());
        Assert.Equal(200, (await ci.GetAsync("/api/v1/applications")).Status);

        Assert.Equal(204, (await server.Admin.DeleteAsync($"/api/v1/tokens/{created["id"]!.GetValue<string>()}")).Status);

        Assert.Equal(401, (await ci.GetAsync("/api/v1/applications")).Status);
    }

    [Fact]
    public async Task Tokens_AreStoredOnlyAsHashes()
    {
        await using var server = await TestServer.StartAsync();
        var secret = await server.TokenAsync("operator");

        var tokens = await server.Store.ListTokensAsync(CancellationToken.None);

        Assert.DoesNotContain(tokens, t => t.Hash.Contains(secret, StringComparison.Ordinal) || secret.Contains(t.Hash, StringComparison.Ordinal));
        Assert.All(tokens, t => Assert.Matches("^[0-9a-f]{64}$", t.Hash));
    }
}
