using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Fleet.Local;

/// <summary>
/// Stops everything a local instance runs. Its agent gets SIGTERM (the agent drains and stops its hooks), up to
/// <see cref="TermGrace"/>, then SIGKILL; then every process carrying the instance's marker (a hook's daemon
/// survives its agent) gets SIGKILL, pass after pass, until none is left or <see cref="KillDeadline"/> passes.
/// A process is signalled only when it can be tied to the instance: the agent by its PID and start time, every
/// other one by the marker in its environment.
/// </summary>
internal static class InstanceStopper
{
    public static readonly TimeSpan TermGrace = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan KillDeadline = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns whether nothing of the instance is left running. Cancellation only cuts the SIGTERM grace short.</summary>
    public static async Task<bool> StopAsync(string instanceId, IReadOnlyCollection<AgentProcessRecord> agents, ILogger logger, CancellationToken cancellationToken)
    {
        var running = agents.Distinct().Where(a => a.IsRunning).ToList();
        foreach (var agent in running)
        {
            _ = LibC.Kill(agent.Pid, LibC.SigTerm);
        }

        var clock = Stopwatch.StartNew();
        while (running.Exists(a => a.IsRunning) && clock.Elapsed < TermGrace && !cancellationToken.IsCancellationRequested)
        {
            await Delay().ConfigureAwait(false);
        }

        foreach (var agent in running.Where(a => a.IsRunning))
        {
            LocalFleetLog.AgentKilled(logger, instanceId, agent.Pid, TermGrace.TotalSeconds);
            _ = LibC.Kill(agent.Pid, LibC.SigKill);
        }

        return await KillMarkedAsync(instanceId, running, logger).ConfigureAwait(false);
    }

    /// <summary>SIGKILLs the instance's marked processes (and its agents, should one lack the marker) until none is left.</summary>
    public static async Task<bool> KillMarkedAsync(string instanceId, IReadOnlyCollection<AgentProcessRecord> agents, ILogger logger)
    {
        var killed = new HashSet<int>();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var left = InstanceMarker.FindProcesses(instanceId);
            left.AddRange(agents.Where(a => a.IsRunning && !left.Contains(a.Pid)).Select(a => a.Pid));
            if (left.Count == 0)
            {
                if (killed.Count > 0)
                {
                    LocalFleetLog.LeftoversKilled(logger, instanceId, killed.Count);
                }

                return true;
            }

            if (clock.Elapsed > KillDeadline)
            {
                LocalFleetLog.LeftoversAlive(logger, instanceId, left.Count);
                return false;
            }

            foreach (var pid in left)
            {
                _ = LibC.Kill(pid, LibC.SigKill);
                killed.Add(pid);
            }

            await Delay().ConfigureAwait(false);
        }
    }

    private static Task Delay() => Task.Delay(PollInterval, CancellationToken.None);
}
