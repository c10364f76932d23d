using Greenlight.Contracts.V1;

namespace Greenlight.Server.Fleet;

/// <summary>
/// Makes and unmakes instances for scaling groups. <c>local</c> runs each instance as a sandboxed agent process on
/// its own loopback address. Every method is idempotent: after a crash the controller may call it again.
/// </summary>
public interface IFleetProvider
{
    /// <summary>The launch template provider name this provider serves (e.g. "local").</summary>
    string Name { get; }

    /// <summary>Starts the instance: its sandbox, its credential file and its agent. Launching an id already running returns it as is.</summary>
    Task<LaunchedInstance> LaunchAsync(LaunchRequest request, CancellationToken cancellationToken);

    /// <summary>Stops the agent and every process its hooks started, then removes the sandbox. Terminating an unknown or gone instance does nothing.</summary>
    Task TerminateAsync(LaunchedInstance instance, CancellationToken cancellationToken);

    /// <summary>Whether the instance's agent process is still the one launched (same PID and start time).</summary>
    bool IsAlive(LaunchedInstance instance);

    /// <summary>Stops every instance this provider runs (server shutdown), without removing their sandboxes.</summary>
    Task StopAllAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One instance to launch: its id, the scaling group, its address (unique per instance), the template's data, the
/// agent credential it uses (written 0600 into its sandbox, never on a command line) and the server's URL.
/// </summary>
public sealed record LaunchRequest(
    string InstanceId,
    string AutoScalingGroup,
    string Address,
    LaunchTemplateData Template,
    string AgentCredential,
    string ServerUrl,
    TimeSpan PollWait);

/// <summary>Where a launched instance lives: its sandbox directory, and its agent's PID and process start time (to tell a reused PID).</summary>
public sealed record LaunchedInstance(string InstanceId, string Address, string SandboxDirectory, int ProcessId, long ProcessStartTime);
