using Greenlight.Testing;

namespace Greenlight.EndToEnd.Tests;

/// <summary>
/// Faults around real agents: the agent killed with SIGKILL mid-hook and restarted (F2), its credential revoked while it
/// polls (F12), and the server killed at a crash point while real agents run hooks (no hook runs twice).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AgentFaultTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Agent_KilledMidHookAndRestarted_ReportsFailedAfterRestartAndLeavesNoHookProcess()
    {
        using var dir = new TempDirectory("gl-agent-kill");
        await using var server = await ServerProcess.StartAsync(dir.Combine("server"), "127.0.0.1:0");
        using var admin = new ApiClient(server.Url, (await File.ReadAllTextAsync(dir.Combine("server", "admin.token"))).Trim());
        var token = await AgentEndToEndTests.EnrollmentTokenAsync(admin, uses: 1);
        var agent = AgentProcess.Start(server.Url, "web-1", dir.Path, token);
        await AgentEndToEndTests.WaitForInstancesAsync(admin, "web-1");
        const string Hang = """
            #!/bin/bash
            setsid bash -c 'echo $$ > "$GREENLIGHT_INSTANCE_ROOT/daemon.pid"; exec sleep 300' > /dev/null 2>&1 &
            echo $$ > "$GREENLIGHT_INSTANCE_ROOT/script.pid"
            echo "validating"
            sleep 300
            """;
        var sha = await AgentEndToEndTests.SetUpAsync(admin, WebBundle.Zip("v1", validateScript: Hang));
        var id = await AgentEndToEndTests.DeployAsync(admin, sha);
        var scriptPid = Path.Combine(agent.InstanceRoot, "script.pid");
        var daemonPid = Path.Combine(agent.InstanceRoot, "daemon.pid");
        await Eventually.Until(() => Task.FromResult(File.Exists(scriptPid) && File.Exists(daemonPid)), ok => ok, Timeout, "the hook is running");
        var pids = new[] { scriptPid, daemonPid }.Select(p => int.Parse(File.ReadAllText(p).Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();

        await agent.KillAsync();
        await using var restarted = AgentProcess.Start(server.Url, "web-1", dir.Path, enrollmentToken: null);
        var status = await Eventually.Until(() => AgentEndToEndTests.StatusAsync(admin, id), s => s is "Succeeded" or "Failed" or "Stopped", Timeout, "deployment ends");

        Assert.Equal("Failed", status);
        var target = (await admin.GetAsync($"/api/v1/deployments/{id}/targets/web-1")).Body!["deploymentTarget"]!["instanceTarget"]!;
        var failed = target["lifecycleEvents"]!.AsArray().Single(e => e!["status"]!.GetValue<string>() == "Failed")!;
        Assert.Equal("ValidateService", failed["lifecycleEventName"]!.GetValue<string>());
        Assert.Equal("FailedAfterRestart", failed["diagnostics"]!["errorCode"]!.GetValue<string>());
        await Eventually.Until(() => Task.FromResult(pids.Count(p => Directory.Exists($"/proc/{p}"))), alive => alive == 0, TimeSpan.FromSeconds(20), "hook processes gone");
        await agent.DisposeAsync();
    }

    [Fact]
    public async Task Agent_CredentialRevokedWhilePolling_IsCutOffAndExitsRefused()
    {
        using var dir = new TempDirectory("gl-agent-revoke");
        await using var server = await ServerProcess.StartAsync(dir.Combine("server"), "127.0.0.1:0");
        using var admin = new ApiClient(server.Url, (await File.ReadAllTextAsync(dir.Combine("server", "admin.token"))).Trim());
        await using var agent = AgentProcess.Start(server.Url, "web-1", dir.Path, await AgentEndToEndTests.EnrollmentTokenAsync(admin, uses: 1));
        await AgentEndToEndTests.WaitForInstancesAsync(admin, "web-1");
        var tokenId = await Eventually.Until(
            async () => (await admin.GetAsync("/api/v1/tokens")).Body!["tokens"]!.AsArray().FirstOrDefault(t => t!["instanceName"]?.GetValue<string>() == "web-1")?["id"]?.GetValue<string>(),
            id => id is not null, Timeout, "agent token");

        Assert.Equal(204, (await admin.DeleteAsync($"/api/v1/tokens/{tokenId}")).Status);
        await agent.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, agent.ExitCode);
        Assert.Contains("refused", agent.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("after-commit:6")]
    [InlineData("after-dispatch:5")]
    public async Task Server_KilledWhileRealAgentsRunHooks_EveryHookRunsExactlyOnce(string crashPoint)
    {
        using var dir = new TempDirectory("gl-agent-crash");
        var first = await ServerProcess.StartAsync(dir.Combine("server"), "127.0.0.1:0", new Dictionary<string, string> { ["GREENLIGHT_CRASH_POINT"] = crashPoint });
        var url = first.Url;
        using var admin = new ApiClient(url, (await File.ReadAllTextAsync(dir.Combine("server", "admin.token"))).Trim());
        string id;
        await using (var web1 = AgentProcess.Start(url, "web-1", dir.Path, await AgentEndToEndTests.EnrollmentTokenAsync(admin, uses: 1)))
        {
            await AgentEndToEndTests.WaitForInstancesAsync(admin, "web-1");
            var sha = await AgentEndToEndTests.SetUpAsync(admin, WebBundle.Zip("v1"));
            id = await AgentEndToEndTests.DeployAsync(admin, sha);
            await first.WaitForExitAsync(Timeout);
            await first.DisposeAsync();
            await using var second = await ServerProcess.StartAsync(dir.Combine("server"), $"127.0.0.1:{new Uri(url).Port}");
            var status = await Eventually.Until(() => AgentEndToEndTests.StatusAsync(admin, id), s => s is "Succeeded" or "Failed" or "Stopped", Timeout, "deployment ends");
            Assert.True(status == "Succeeded", web1.Output);

            var events = await File.ReadAllLinesAsync(Path.Combine(web1.InstanceRoot, "var", "hooks", "events.log"));
            Assert.Equal(["BeforeInstall", "AfterInstall", "ApplicationStart", "ValidateService"], events.Select(e => e.Split(' ')[0]));
        }
    }
}
