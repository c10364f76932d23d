using Greenlight.Store;
using Greenlight.Testing;
using Greenlight.Testing.Postgres;

namespace Greenlight.EndToEnd.Tests;

/// <summary>
/// The server on a real (throwaway) PostgreSQL cluster: kill -9 at the crash points (F1), and the database crashing
/// and restarting in the middle of a deployment (F4). The deployment ends Succeeded, its event log has no gaps and no
/// agent ticket ran twice.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PostgresFaultTests(PostgresFaultTests.Cluster cluster) : IClassFixture<PostgresFaultTests.Cluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("after-commit:9")]
    [InlineData("after-dispatch:12")]
    public async Task Deployment_KilledAtCrashPointOnPostgres_ResumesToSuccess(string crashPoint)
    {
        using var data = new TempDirectory("gl-pg-crash");
        var database = await cluster.Postgres.CreateSchemaAsync();
        var first = await ServerProcess.StartAsync(data.Path, "127.0.0.1:0", new Dictionary<string, string> { ["GREENLIGHT_CRASH_POINT"] = crashPoint }, database);
        using var admin = new ApiClient(first.Url, (await File.ReadAllTextAsync(Path.Combine(data.Path, "admin.token"))).Trim());
        var agent = new ScriptedAgent(admin, Scenario.Instances);
        string? deploymentId;
        await using (first)
        {
            deploymentId = await Scenario.SetUpAndDeployAsync(admin, Scenario.Instances);
            await agent.RunUntilAsync(() => Task.FromResult(first.HasExited), Timeout);
        }

        await using (var second = await ServerProcess.StartAsync(data.Path, $"127.0.0.1:{new Uri(first.Url).Port}", null, database))
        {
            await agent.RunUntilAsync(async () => await Scenario.StatusAsync(admin, deploymentId!) is "Succeeded" or "Failed" or "Stopped", Timeout);
            await AssertCleanSuccessAsync(admin, agent, deploymentId!);
            await second.StopAsync();
        }

        await using var store = StoreFactory.Open(database, data.Path);
        Assert.Empty(await store.PendingCommandsAsync(100, CancellationToken.None));
    }

    /// <summary>
    /// While the database is down, the server's background loops (the fleet controller every 200 ms, the heartbeat
    /// monitor) fail to read it. They must log and try again, not end: an exception leaving a hosted service stops the
    /// whole server in .NET.
    /// </summary>
    [Fact]
    public async Task Database_DownForAWhile_TheServerKeepsRunningAndServesAgainWhenItIsBack()
    {
        using var data = new TempDirectory("gl-pg-outage");
        var database = await cluster.Postgres.CreateSchemaAsync();
        await using var server = await ServerProcess.StartAsync(data.Path, "127.0.0.1:0", null, database);
        using var admin = new ApiClient(server.Url, (await File.ReadAllTextAsync(Path.Combine(data.Path, "admin.token"))).Trim());

        await cluster.Postgres.CrashAsync();
        try
        {
            await Eventually.Until(() => Task.FromResult(server.HasExited || server.Output.Contains("Cannot list auto scaling groups", StringComparison.Ordinal)),
                done => done, Timeout, "the fleet controller meets the outage");
        }
        finally
        {
            await cluster.Postgres.StartAgainAsync();
        }

        Assert.False(server.HasExited, server.Output);
        var (status, _) = await Eventually.Until(() => admin.PostAsync("/api/v1/applications", new { applicationName = "after-outage" }), r => r.Status == 201,
            Timeout, "the API writes again");
        Assert.Equal(201, status);
    }

    [Fact]
    public async Task Deployment_DatabaseCrashesAndRestartsMidway_CompletesWithoutHalfWrites()
    {
        using var data = new TempDirectory("gl-pg-restart");
        var database = await cluster.Postgres.CreateSchemaAsync();
        await using var server = await ServerProcess.StartAsync(data.Path, "127.0.0.1:0", null, database);
        using var admin = new ApiClient(server.Url, (await File.ReadAllTextAsync(Path.Combine(data.Path, "admin.token"))).Trim());
        var agent = new ScriptedAgent(admin, Scenario.Instances);
        var deploymentId = (await Scenario.SetUpAndDeployAsync(admin, Scenario.Instances))!;

        // Let a third of the tickets run, then crash PostgreSQL (pg_ctl -m immediate) and start it again.
        await agent.RunUntilAsync(() => Task.FromResult(agent.Executions.Count >= 7), Timeout);
        await cluster.Postgres.CrashAndRestartAsync();
        await agent.RunUntilAsync(async () => await Scenario.StatusAsync(admin, deploymentId) is "Succeeded" or "Failed" or "Stopped", Timeout);

        Assert.False(server.HasExited);
        await AssertCleanSuccessAsync(admin, agent, deploymentId);
    }

    private static async Task AssertCleanSuccessAsync(ApiClient admin, ScriptedAgent agent, string deploymentId)
    {
        Assert.Equal("Succeeded", await Scenario.StatusAsync(admin, deploymentId));
        var events = (await admin.GetAsync($"/api/v1/deployments/{deploymentId}/events?limit=1000")).Body!["events"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e!["seq"]!.GetValue<long>()));
        Assert.Equal(Scenario.Instances.Length * 7, agent.Executions.Count);
        Assert.All(agent.Executions, e => Assert.True(e.Value == 1, $"{e.Key} executed {e.Value} times"));
    }

    /// <summary>One throwaway cluster for the class; each test gets its own schema.</summary>
    public sealed class Cluster : IAsyncLifetime
    {
        public PostgresCluster Postgres { get; } = new();

        public Task InitializeAsync() => Postgres.InitializeAsync();

        public Task DisposeAsync() => Postgres.DisposeAsync();
    }
}
