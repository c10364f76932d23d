using Greenlight.Core.Fleet;
using Greenlight.Server.Hosting;

namespace Greenlight.Server.Fleet;

/// <summary>
/// The fleet controller's timing. Production: reconcile every second, agents heartbeat within the server's heartbeat
/// timeout, a launch deployment may hold an instance for an hour. The test profile shortens everything so end-to-end
/// tests finish in seconds.
/// </summary>
public sealed record FleetSettings(TimeSpan ReconcileInterval, FleetPolicy Policy, TimeSpan LaunchHookTimeout, TimeSpan TerminationHookTimeout, TimeSpan AgentPollWait)
{
    /// <summary>Activities kept per group (the newest).</summary>
    public const int ActivitiesKept = 50;

    /// <summary>Terminated instances kept per group for display (the newest).</summary>
    public const int TerminatedKept = 20;

    public static FleetSettings For(ServerOptions options)
    {
        var heartbeat = options.HeartbeatTimeout;

        // Agents must poll well within the heartbeat timeout, or a quiet healthy agent looks lost.
        var pollWait = TimeSpan.FromTicks(Math.Clamp(heartbeat.Ticks / 3, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromSeconds(20).Ticks));
        return options.TestProfile
            ? new FleetSettings(TimeSpan.FromMilliseconds(200), new FleetPolicy(heartbeat, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)),
                TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(60), pollWait)
            : new FleetSettings(TimeSpan.FromSeconds(1), FleetPolicy.Default with { HeartbeatTimeout = heartbeat }, TimeSpan.FromHours(1), TimeSpan.FromMinutes(10), pollWait);
    }
}
