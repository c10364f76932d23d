using System.Diagnostics;
using Greenlight.Server.Fleet;
using Greenlight.Server.Fleet.Local;

using Greenlight.Testing;
namespace Greenlight.Server.Tests.Fleet.Local;

/// <summary>The local provider with real agent processes against an in-process server; every process is stopped by PID on dispose.</summary>
public sealed class LocalFleetProviderTests
{
    private const string Daemon = "nohup sleep 600 >/dev/null 2>&1 &\n";

    [Fact]
    public async Task LaunchAsync_WithCredential_AgentPollsTheServerInItsOwnSessionAndIsAlive()
    {
        await using var fleet = await LocalFleet.StartAsync();
        var request = await fleet.RequestAsync(address: "127.0.0.2");
        var before = DateTimeOffset.UtcNow;

        var instance = await fleet.LaunchAsync(request);
        await fleet.WaitForPollAsync(request.InstanceId, before);

        Assert.True(fleet.Provider.IsAlive(instance));
        Assert.Equal(Path.Combine(fleet.InstancesDirectory, request.InstanceId), instance.SandboxDirectory);
        // setsid and the shell exec'd in place: the PID is the agent's own, and it leads a session of its own.
        Assert.Contains($"greenlight.dll agent --server {request.ServerUrl} --name {request.InstanceId} ", MarkedProcesses.CommandLine(instance.ProcessId), StringComparison.Ordinal);
        Assert.Equal(instance.ProcessId, MarkedProcesses.Stat(instance.ProcessId)!.Value.Session);
        Assert.Contains($"GREENLIGHT_LOCAL_INSTANCE={request.InstanceId}", MarkedProcesses.Environ(instance.ProcessId));
        Assert.True(Directory.Exists(Path.Combine(instance.SandboxDirectory, "root")));
    }

    [Fact]
    public async Task LaunchAsync_AlreadyRunning_ReturnsTheSameInstance()
    {
        await using var fleet = await LocalFleet.StartAsync();
        var request = await fleet.RequestAsync();
        var first = await fleet.LaunchAsync(request);

        var again = await fleet.LaunchAsync(request);
        var afterRestart = await fleet.LaunchAsync(request, fleet.NewProvider());

        Assert.Equal(first, again);
        Assert.Equal(first.ProcessId, afterRestart.ProcessId);
        Assert.Equal(first.ProcessStartTime, afterRestart.ProcessStartTime);
    }

    [Fact]
    public async Task LaunchAsync_Credential_Is0600AndNeitherOnTheCommandLineNorInTheAgentLog()
    {
        await using var fleet = await LocalFleet.StartAsync();
        var request = await fleet.RequestAsync();
        var before = DateTimeOffset.UtcNow;

        var instance = await fleet.LaunchAsync(request);
        await fleet.WaitForPollAsync(request.InstanceId, before);
        var credentialPath = Path.Combine(instance.SandboxDirectory, "agent", "agent.credential");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentialPath));
        Assert.Equal(request.AgentCredential + "\n", await File.ReadAllTextAsync(credentialPath));
        Assert.DoesNotContain(request.AgentCredential, MarkedProcesses.CommandLine(instance.ProcessId), StringComparison.Ordinal);
        Assert.DoesNotContain(request.AgentCredential, string.Join('\n', MarkedProcesses.Environ(instance.ProcessId)), StringComparison.Ordinal);
        Assert.DoesNotContain(request.AgentCredential, await File.ReadAllTextAsync(Path.Combine(instance.SandboxDirectory, "agent.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LaunchAsync_CredentialRefused_AgentLogSaysSoWithoutTheCredentialAndTheAgentIsNotAlive()
    {
        await using var fleet = await LocalFleet.StartAsync();
        var request = await fleet.RequestAsync() with { AgentCredential = "glt_" + Guid.NewGuid().ToString("N") };

        var instance = await fleet.LaunchAsync(request);
        await Testing.Eventually.Until(() => Task.FromResult(fleet.Provider.IsAlive(instance)), alive => !alive, TimeSpan.FromSeconds(20), "the refused agent exits");

        var log = await File.ReadAllTextAsync(Path.Combine(instance.SandboxDirectory, "agent.log"));
        Assert.Contains("refused", log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(request.AgentCredential, log, StringComparison.Ordinal);
        await Testing.Eventually.Until(() => Task.FromResult(Directory.Exists($"/proc/{instance.ProcessId}")), exists => !exists, TimeSpan.FromSeconds(5), "the exited agent reaped");
    }

    [Fact]
    public async Task LaunchAsync_BootstrapScript_RunsInTheRootWithTheInstanceEnvironmentBeforeTheAgent()
    {
        await using var fleet = await LocalFleet.StartAsync();
        var request = await fleet.RequestAsync("echo \"$GREENLIGHT_INSTANCE_ID $GREENLIGHT_INSTANCE_ADDRESS $GREENLIGHT_INSTANCE_ROOT $PWD\" > booted\necho hello\n", "127.0.0.3");

        var instance = await fleet.LaunchAsync(request);
        var root = Path.Combine(instance.SandboxDirectory, "root");

        Assert.Equal($"{request.InstanceId} 127.0.0.3 {root} {root}\n", await File.ReadAllTextAsync(Path.Combine(root, "booted")));
        Assert.Equal("hello\n", await File.ReadAllTextAsync(Path.Combine(instance.SandboxDirectory, "bootstrap.log")));
    }

    [Fact]
    public async Task LaunchAsync_BootstrapFails_ThrowsNamingTheExitCodeAndLeavesNothingRunning()
    {
        await using var fleet = await LocalFleet.StartAsync();
        var request = await fleet.RequestAsync(Daemon + "echo boom\nexit 3\n");

        var e = await Assert.ThrowsAsync<LaunchFailedException>(() => fleet.LaunchAsync(request));

        var log = Path.Combine(fleet.InstancesDirectory, request.InstanceId, "bootstrap.log");
        Assert.Equal(3, e.ExitCode);
        Assert.Equal(log, e.LogPath);
        Assert.Contains(request.InstanceId, e.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code 3", e.Message, StringComparison.Ordinal);
        Assert.Contains(log, e.Message, StringComparison.Ordinal);
        Assert.Equal("boom\n", await File.ReadAllTextAsync(log));
        Assert.Empty(MarkedProcesses.Find(request.InstanceId));
    }

    [Fact]
    public async Task LaunchAsync_BootstrapOverItsTimeout_IsKilledAndThrows()
    {
        await using var fleet = await LocalFleet.StartAsync();
        var provider = new LocalFleetProvider(fleet.InstancesDirectory, LocalFleet.AgentCommand, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
        {
            BootstrapTimeout = TimeSpan.FromMilliseconds(500),
        };
        var request = await fleet.RequestAsync(Daemon + "sleep 30\n");

        var e = await Assert.ThrowsAsync<LaunchFailedException>(() => fleet.LaunchAsync(request, provider));

        Assert.Null(e.ExitCode);
        Assert.Contains("did not finish within", e.Message, StringComparison.Ordinal);
        Assert.Empty(MarkedProcesses.Find(request.InstanceId));
    }

    [Fact]
    public async Task TerminateAsync_AgentAndHookDaemon_KillsBothRemovesTheSandboxAndASecondCallIsANoOp()
    {
        await using var fleet = await LocalFleet.StartAsync();
        var request = await fleet.RequestAsync(Daemon);
        var instance = await fleet.LaunchAsync(request);
        // The daemon was forked as the script ended: wait for it to become sleep (through nohup).
        var marked = await Testing.Eventually.Until(() => Task.FromResult(MarkedProcesses.Find(request.InstanceId)),
            pids => pids.Exists(IsDaemon), TimeSpan.FromSeconds(5), "the daemon running");
        Assert.Contains(instance.ProcessId, marked);

        await fleet.Provider.TerminateAsync(instance, CancellationToken.None);

        Assert.False(Directory.Exists($"/proc/{instance.ProcessId}"), "the agent is gone and reaped, not left a zombie");
        Assert.Empty(MarkedProcesses.Find(request.InstanceId));
        Assert.False(Directory.Exists(instance.SandboxDirectory));
        Assert.False(fleet.Provider.IsAlive(instance));
        await fleet.Provider.TerminateAsync(instance, CancellationToken.None);
        Assert.False(Directory.Exists(instance.SandboxDirectory));
    }

    [Fact]
    public async Task TerminateAsync_DaemonStartedByADeploymentHook_IsKilled()
    {
        await using var fleet = await LocalFleet.StartAsync();
        var admin = fleet.Server.Admin;
        await Api.TestFleet.CreateAsync(admin, 0, new { deploymentConfigName = "CodeDeployDefault.AllAtOnce" });
        var instance = await fleet.LaunchAsync(await fleet.RequestAsync());
        var (_, revision) = await Api.TestFleet.UploadAsync(admin, DaemonBundle());
        var (_, deployment) = await Api.TestFleet.DeployAsync(admin, revision!["revisionLocation"]!["bundle"]!["sha256"]!.GetValue<string>());
        var deploymentId = deployment!["deploymentId"]!.GetValue<string>();

        Assert.Equal("Succeeded", await Testing.Eventually.Until(() => Api.TestFleet.StatusAsync(admin, deploymentId),
            s => s is "Succeeded" or "Failed" or "Stopped", TimeSpan.FromSeconds(30), "the deployment ends"));
        var daemon = (await Testing.Eventually.Until(() => Task.FromResult(MarkedProcesses.Find(instance.InstanceId).Where(IsDaemon).ToList()),
            pids => pids.Count == 1, TimeSpan.FromSeconds(5), "the hook's daemon running"))[0];
        await fleet.Provider.TerminateAsync(instance, CancellationToken.None);

        Assert.False(MarkedProcesses.IsRunning(daemon));
        Assert.Empty(MarkedProcesses.Find(instance.InstanceId));
    }

    [Fact]
    public async Task TerminateAsync_AfterServerRestart_AdoptsAndStopsTheInstance()
    {
        await using var fleet = await LocalFleet.StartAsync();
        var instance = await fleet.LaunchAsync(await fleet.RequestAsync(Daemon));
        var restarted = fleet.NewProvider();

        Assert.True(restarted.IsAlive(instance));
        await restarted.TerminateAsync(instance, CancellationToken.None);

        Assert.Empty(MarkedProcesses.Find(instance.InstanceId));
        Assert.False(Directory.Exists(instance.SandboxDirectory));
    }

    [Fact]
    public async Task IsAlive_AgentKilledWithSigkill_IsFalse()
    {
        await using var fleet = await LocalFleet.StartAsync();
        var instance = await fleet.LaunchAsync(await fleet.RequestAsync());

        using (var agent = Process.GetProcessById(instance.ProcessId))
        {
            agent.Kill();
        }

        await Testing.Eventually.Until(() => Task.FromResult(fleet.Provider.IsAlive(instance)), alive => !alive, TimeSpan.FromSeconds(5), "the killed agent seen as dead");
        await Testing.Eventually.Until(() => Task.FromResult(Directory.Exists($"/proc/{instance.ProcessId}")), exists => !exists, TimeSpan.FromSeconds(5), "the killed agent reaped, not left a zombie");
    }

    [Fact]
    public async Task IsAlive_PidWithAnotherStartTime_IsFalseAndTerminateLeavesThatProcessAlone()
    {
        await using var fleet = await LocalFleet.StartAsync();
        using var stranger = Process.Start("sleep", "600");
        try
        {
            var startTime = long.Parse(File.ReadAllText($"/proc/{stranger.Id}/stat").Split(") ")[1].Split(' ')[19], System.Globalization.CultureInfo.InvariantCulture);
            var recycled = new LaunchedInstance(fleet.NewInstanceId(), "127.0.0.1", "/nonexistent", stranger.Id, startTime + 1);

            Assert.False(fleet.Provider.IsAlive(recycled));
            await fleet.Provider.TerminateAsync(recycled, CancellationToken.None);
            await fleet.Provider.StopAllAsync(CancellationToken.None);

            Assert.False(stranger.HasExited);
            Assert.True(fleet.Provider.IsAlive(recycled with { ProcessStartTime = startTime }));
        }
        finally
        {
            stranger.Kill();
            await stranger.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task StopAllAsync_LaunchedAndAdoptedInstances_LeavesNoMarkedProcessAndKeepsTheSandboxes()
    {
        await using var fleet = await LocalFleet.StartAsync();
        var first = await fleet.LaunchAsync(await fleet.RequestAsync(Daemon));
        var second = await fleet.LaunchAsync(await fleet.RequestAsync(Daemon), fleet.NewProvider());
        Assert.True(fleet.Provider.IsAlive(second));

        await fleet.Provider.StopAllAsync(CancellationToken.None);

        Assert.Empty(MarkedProcesses.Find(first.InstanceId));
        Assert.Empty(MarkedProcesses.Find(second.InstanceId));
        Assert.False(fleet.Provider.IsAlive(first));
        Assert.True(Directory.Exists(first.SandboxDirectory));
        Assert.True(Directory.Exists(second.SandboxDirectory));
        await fleet.Provider.TerminateAsync(first, CancellationToken.None);
        Assert.False(Directory.Exists(first.SandboxDirectory));
    }

    /// <summary>The <see cref="Daemon"/> once it runs sleep: until then it may still be the forked shell or nohup.</summary>
    private static bool IsDaemon(int pid) => MarkedProcesses.CommandLine(pid).StartsWith("sleep 600", StringComparison.Ordinal);

    /// <summary>A revision whose ApplicationStart hook leaves a daemon running, as a real service would.</summary>
    private static byte[] DaemonBundle() => Testing.ZipBuilder.Build(
    [
        ("appspec.yml", "version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: /opt/web\nhooks:\n  ApplicationStart:\n    - location: start.sh\n", Testing.ZipBuilder.File644),
        ("app/index.html", "<h1>daemon</h1>", Testing.ZipBuilder.File644),
        ("start.sh", "#!/bin/bash\nnohup sleep 600 >/dev/null 2>&1 &\nexit 0\n", Testing.ZipBuilder.File755),
    ]);
}
