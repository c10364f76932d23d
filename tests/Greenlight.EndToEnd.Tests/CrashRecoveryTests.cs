using Greenlight.Engine.Running;
using Greenlight.Store;
using Greenlight.Testing;

namespace Greenlight.EndToEnd.Tests;

/// <summary>
/// kill -9 at each named crash point during a deployment driven by a scripted agent, then restart: the deployment
/// reaches a terminal status, its event log has no gaps, no agent ticket is executed twice, and no command is left
/// undispatched (reliability.md oracles O2-O5, fault F1).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CrashRecoveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("after-commit:1")]
    [InlineData("after-commit:9")]
    [InlineData("after-commit:25")]
    [InlineData("after-dispatch:1")]
    [InlineData("after-dispatch:12")]
    public async Task Deployment_KilledAtCrashPoint_ResumesToSuccessWithoutLossOrRepeat(string crashPoint)
    {
        using var data = new TempDirectory("gl-crash");
        var first = await ServerProcess.StartAsync(data.Path, "127.0.0.1:0", new Dictionary<string, string> { ["GREENLIGHT_CRASH_POINT"] = crashPoint });
        var url = first.Url;
        var token = (await File.ReadAllTextAsync(Path.Combine(data.Path, "admin.token"))).Trim();
        using var admin = new ApiClient(url, token);
        var instances = new[] { "i-1", "i-2", "i-3" };
        var agent = new ScriptedAgent(admin, instances);
        string? deploymentId;

        await using (first)
        {
            // At after-commit:1 the server dies inside the create request itself: the id is learned after the restart.
            deploymentId = await Scenario.SetUpAndDeployAsync(admin, instances);
            await agent.RunUntilAsync(() => Task.FromResult(first.HasExited), Timeout);
            Assert.NotEqual(0, first.ExitCode);
            Assert.Contains("Crash point " + crashPoint.Split(':')[0] + " reached", first.Output, StringComparison.Ordinal);
        }

        var port = new Uri(url).Port;
        await using (var second = await ServerProcess.StartAsync(data.Path, $"127.0.0.1:{port}"))
        {
            deploymentId ??= Assert.Single((await admin.GetAsync("/api/v1/deployments?applicationName=web")).Body!["deployments"]!.AsArray())!.GetValue<string>();
            await agent.RunUntilAsync(async () => await Scenario.StatusAsync(admin, deploymentId) is "Succeeded" or "Failed" or "Stopped", Timeout);

            Assert.Equal("Succeeded", await Scenario.StatusAsync(admin, deploymentId));
            var events = (await admin.GetAsync($"/api/v1/deployments/{deploymentId}/events?limit=1000")).Body!["events"]!.AsArray();
            Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e!["seq"]!.GetValue<long>()));
            await second.StopAsync();
        }

        Assert.Equal(instances.Length * 7, agent.Executions.Count);
        Assert.All(agent.Executions, e => Assert.True(e.Value == 1, $"{e.Key} executed {e.Value} times"));
        await using var store = StoreFactory.Open("sqlite", data.Path);
        Assert.Empty(await store.PendingCommandsAsync(100, CancellationToken.None));
    }

    [Fact]
    public void CrashPoints_AllNamed_AreKnownToTheEngine() =>
        Assert.Equal(["after-commit", "after-dispatch", "between-traffic-steps"], CrashPoints.Names);
}
