using System.Collections.Concurrent;
using System.ComponentModel;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Fleet.Local;

/// <summary>
/// The <c>local</c> provider: each instance is a real <c>greenlight agent</c> process started by the server, in a
/// sandbox <c>{instancesDirectory}/{instanceId}/</c> (see <see cref="LocalSandbox"/>), in a session of its own, with
/// its output in the sandbox's <c>agent.log</c> and the marker GREENLIGHT_LOCAL_INSTANCE=id in its environment,
/// which every process its hooks start inherits. Instances are known by id in memory; one launched by a previous
/// server run is adopted when it is passed to <see cref="IsAlive"/> or <see cref="TerminateAsync"/>, or found by
/// <see cref="LaunchAsync"/> from the sandbox's <c>agent.pid</c>.
/// </summary>
public sealed class LocalFleetProvider : IFleetProvider
{
    private readonly string _instancesDirectory;
    private readonly IReadOnlyList<string> _agentCommand;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, LocalInstance> _instances = new(StringComparer.Ordinal);
    private readonly InstanceGates _gates = new();

    /// <param name="instancesDirectory">Where sandboxes go (the server passes DATA/instances).</param>
    /// <param name="agentCommand">How to run the CLI, e.g. <c>["dotnet", "/opt/greenlight/greenlight.dll"]</c>; see <see cref="LocalAgentCommand.Resolve"/>.</param>
    /// <param name="logger">Launches, terminations and what had to be killed.</param>
    public LocalFleetProvider(string instancesDirectory, IReadOnlyList<string> agentCommand, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(instancesDirectory);
        ArgumentNullException.ThrowIfNull(agentCommand);
        ArgumentNullException.ThrowIfNull(logger);
        if (agentCommand.Count == 0 || agentCommand.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("the agent command needs at least the program to run, and no empty word", nameof(agentCommand));
        }

        _instancesDirectory = Path.GetFullPath(instancesDirectory);
        _agentCommand = [.. agentCommand];
        _logger = logger;
    }

    public string Name => "local";

    /// <summary>How long a bootstrap script may run (60 s).</summary>
    public TimeSpan BootstrapTimeout { get; init; } = BootstrapRunner.Timeout;

    /// <summary>
    /// Starts the instance, or returns it as is when its agent is still running. A fresh start first stops whatever a
    /// previous run of the same id left and replaces its sandbox. A failing bootstrap script is a
    /// <see cref="LaunchFailedException"/>; what it started is stopped, its sandbox (and log) kept.
    /// </summary>
    public async Task<LaunchedInstance> LaunchAsync(LaunchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sandbox = LocalSandbox.For(_instancesDirectory, request.InstanceId);
        using var gate = await _gates.EnterAsync(request.InstanceId, cancellationToken).ConfigureAwait(false);
        if (Running(request, sandbox) is { } running)
        {
            LocalFleetLog.AlreadyRunning(_logger, request.InstanceId, running.ProcessId);
            return running;
        }

        await InstanceStopper.KillMarkedAsync(request.InstanceId, [], _logger).ConfigureAwait(false);
        await ForgetAsync(request.InstanceId).ConfigureAwait(false);
        DeleteSandbox(request.InstanceId, sandbox);
        Directory.CreateDirectory(sandbox.InstanceRoot);
        CreatePrivateDirectory(sandbox.AgentRoot);
        Contracts.AgentCredentialFile.Write(sandbox.CredentialPath, request.AgentCredential);
        if (request.Template.BootstrapScript is { Length: > 0 } script)
        {
            await BootstrapAsync(request, script, sandbox, cancellationToken).ConfigureAwait(false);
        }

        var instance = StartAgent(request, sandbox);
        LocalFleetLog.Launched(_logger, request.InstanceId, request.Address, instance.Launched.ProcessId, sandbox.Directory);
        return instance.Launched;
    }

    /// <summary>Stops the agent and every marked process, then removes the sandbox. Unknown or gone instances are fine.</summary>
    public async Task TerminateAsync(LaunchedInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var sandbox = LocalSandbox.For(_instancesDirectory, instance.InstanceId);
        using var gate = await _gates.EnterAsync(instance.InstanceId, cancellationToken).ConfigureAwait(false);
        var agents = new List<AgentProcessRecord> { new(instance.ProcessId, instance.ProcessStartTime) };
        if (_instances.TryGetValue(instance.InstanceId, out var known))
        {
            agents.Add(known.Agent);
        }

        var existed = Directory.Exists(sandbox.Directory) || agents.Exists(a => a.IsRunning);
        await InstanceStopper.StopAsync(instance.InstanceId, agents, _logger, cancellationToken).ConfigureAwait(false);
        await ForgetAsync(instance.InstanceId).ConfigureAwait(false);
        DeleteSandbox(instance.InstanceId, sandbox);
        if (existed)
        {
            LocalFleetLog.Terminated(_logger, instance.InstanceId);
        }
    }

    /// <summary>Whether the agent is the process launched (same PID and start time) and has not exited. A running instance not yet known is adopted.</summary>
    public bool IsAlive(LaunchedInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var alive = ProcStat.IsRunning(instance.ProcessId, instance.ProcessStartTime);
        if (alive && LocalSandbox.IsValidId(instance.InstanceId))
        {
            _instances.TryAdd(instance.InstanceId, new LocalInstance(instance, null));
        }

        return alive;
    }

    /// <summary>Stops the agents and marked processes of every instance launched or adopted, keeping their sandboxes (server shutdown).</summary>
    public async Task StopAllAsync(CancellationToken cancellationToken)
    {
        var known = _instances.Keys.ToList();
        await Task.WhenAll(known.Select(id => StopAsync(id, cancellationToken))).ConfigureAwait(false);
        LocalFleetLog.StoppedAll(_logger, known.Count);
    }

    private async Task StopAsync(string id, CancellationToken cancellationToken)
    {
        // The gate is not cancellable: at shutdown everything must stop. It waits for a launch of the same id (bounded by the bootstrap timeout).
        using var gate = await _gates.EnterAsync(id, CancellationToken.None).ConfigureAwait(false);
        if (_instances.TryGetValue(id, out var current))
        {
            await InstanceStopper.StopAsync(id, [current.Agent], _logger, cancellationToken).ConfigureAwait(false);
            _instances[id] = await current.ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The instance's running agent: the one this provider knows, or the one a previous server run recorded in the sandbox.</summary>
    private LaunchedInstance? Running(LaunchRequest request, LocalSandbox sandbox)
    {
        if (_instances.TryGetValue(request.InstanceId, out var known) && known.Agent.IsRunning)
        {
            return known.Launched;
        }

        if (AgentProcessRecord.Read(sandbox.ProcessRecord) is { IsRunning: true } recorded)
        {
            var adopted = new LaunchedInstance(request.InstanceId, request.Address, sandbox.Directory, recorded.Pid, recorded.StartTime);
            _instances[request.InstanceId] = new LocalInstance(adopted, null);
            return adopted;
        }

        return null;
    }

    private async Task BootstrapAsync(LaunchRequest request, string script, LocalSandbox sandbox, CancellationToken cancellationToken)
    {
        try
        {
            await BootstrapRunner.RunAsync(request, script, sandbox, BootstrapTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is LaunchFailedException or OperationCanceledException)
        {
            if (e is LaunchFailedException)
            {
                LocalFleetLog.LaunchFailed(_logger, request.InstanceId, e.Message);
            }

            // Whatever the script started in the background is the instance's, and the instance is not launched.
            await InstanceStopper.KillMarkedAsync(request.InstanceId, [], _logger).ConfigureAwait(false);
            throw;
        }
    }

    private LocalInstance StartAgent(LaunchRequest request, LocalSandbox sandbox)
    {
        System.Diagnostics.Process child;
        try
        {
            child = SessionProcess.Start([.. _agentCommand, .. LocalAgentArguments.For(request, sandbox)], sandbox.AgentLog, sandbox.Directory, request.InstanceId);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            LocalFleetLog.LaunchFailed(_logger, request.InstanceId, e.Message);
            throw new LaunchFailedException(request.InstanceId, $"instance {request.InstanceId}: the agent could not be started: {e.Message}", logPath: sandbox.AgentLog, innerException: e);
        }

        // Read at once: the child is unreaped until .NET sees it exit, so its PID still names it even if it died already.
        var startTime = ProcStat.TryRead(child.Id)?.StartTime ?? 0;
        var instance = new LocalInstance(new LaunchedInstance(request.InstanceId, request.Address, sandbox.Directory, child.Id, startTime), child);
        _instances[request.InstanceId] = instance;
        new AgentProcessRecord(child.Id, startTime).Write(sandbox.ProcessRecord);
        return instance;
    }

    private async Task ForgetAsync(string instanceId)
    {
        if (_instances.TryRemove(instanceId, out var known))
        {
            await known.ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The agent's root holds its credential: 0700.</summary>
    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private void DeleteSandbox(string instanceId, LocalSandbox sandbox)
    {
        try
        {
            if (Directory.Exists(sandbox.Directory))
            {
                Directory.Delete(sandbox.Directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LocalFleetLog.SandboxNotRemoved(_logger, instanceId, e.Message);
        }
    }
}
