using System.Net.Http.Json;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Tests.Commands.Tokens;

/// <summary><c>greenlight token</c> and <c>enrollment-token</c> against a real server: the secret works until revoked, and refusals.</summary>
public sealed class TokenCommandTests
{
    [Fact]
    public async Task Verbs_CreateListRevoke_TheSecretWorksUntilRevoked()
    {
        await using var cli = await ServerCli.StartAsync();

        var created = cli.Run("token", "create", "--role", "read", "--name", "dashboard", "--expires-in-days", "30");
        var secret = created.Lines[1];
        var id = created.Lines[0].Split(' ')[2];
        var withSecret = CliRunner.Run("application", "list", "--server", cli.Server.Host.Url, "--token", secret);
        var list = cli.Run("token", "list");
        var revoked = cli.Run("token", "revoke", id);
        var afterRevoke = CliRunner.Run("application", "list", "--server", cli.Server.Host.Url, "--token", secret);

        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.Matches(@"^Created token \S+ \(dashboard, role reader\)\. Its secret, shown only this once:$", created.Lines[0]);
        Assert.True(withSecret.ExitCode == 0, withSecret.Stderr);
        Assert.Matches($@"{id}\s+dashboard\s+reader\s+-\s+\S+ \S+\s+\S+ \S+\s+-", list.Stdout);
        Assert.DoesNotContain(secret, list.Stdout, StringComparison.Ordinal);
        Assert.Equal($"Revoked token {id}\n", revoked.Stdout);
        Assert.Equal(1, afterRevoke.ExitCode);
    }

    [Fact]
    public async Task CreateWrite_NoName_IsAnOperatorTokenNamedAfterTheRole()
    {
        await using var cli = await ServerCli.StartAsync();

        var created = cli.Json("token", "create", "--role", "write");

        Assert.StartsWith("operator-", created["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("operator", created["role"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(created["token"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(new[] { "token", "create", "--role", "agent" }, 1, "an agent token names its instanceName")]
    [InlineData(new[] { "token", "revoke", "tok-nope" }, 1, "error: token 'tok-nope' does not exist (TokenDoesNotExistException)")]
    [InlineData(new[] { "token", "create", "--role", "root" }, 2, "error: Argument 'root' not recognized. Must be one of:")]
    [InlineData(new[] { "token", "create" }, 2, "error: Option '--role' is required.")]
    [InlineData(new[] { "enrollment-token", "create", "--uses", "0" }, 1, "uses must be 1-10000")]
    public async Task Refusals_AndBadOptions_ExitWithTheirCodes(string[] args, int code, string expected)
    {
        await using var cli = await ServerCli.StartAsync();

        var result = cli.Run(args);

        Assert.Equal(code, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnrollmentTokenCreate_PrintsASecretAnAgentEnrollsWithOnce_WithTheTokensTags()
    {
        await using var cli = await ServerCli.StartAsync();

        var created = cli.Run("enrollment-token", "create", "--name", "web-hosts", "--tag", "role=web");
        var secret = created.Lines[1];
        using var anonymous = new HttpClient { BaseAddress = new Uri(cli.Server.Host.Url) };
        using var first = await anonymous.PostAsJsonAsync("/api/v1/agent/enroll", new EnrollInput(secret, "web-1", null, null));
        using var second = await anonymous.PostAsJsonAsync("/api/v1/agent/enroll", new EnrollInput(secret, "web-2", null, null));
        var instance = cli.Json("instance", "get", "web-1");

        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.Matches(@"^Created enrollment token \S+ \(web-hosts\): 1 use\(s\), expires \S+ \S+\. Its secret, shown only this once:$", created.Lines[0]);
        Assert.StartsWith("gle_", secret, StringComparison.Ordinal);
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
        Assert.Equal(401, (int)second.StatusCode);
        Assert.Contains("{\"key\":\"role\",\"value\":\"web\"}", instance.ToJsonString(), StringComparison.Ordinal);
    }
}
