namespace Greenlight.Core.Fleet;

/// <summary>
/// Timing rules of the planner: an InService instance whose agent is silent longer than <see cref="HeartbeatTimeout"/>
/// (after the grace period) is unhealthy; a Pending instance whose agent is not heard from within
/// <see cref="LaunchTimeout"/> failed to launch; after n consecutive failed launches the next waits
/// min(<see cref="BackoffBase"/> × 2^(n-1), <see cref="BackoffMax"/>).
/// </summary>
public sealed record FleetPolicy(TimeSpan HeartbeatTimeout, TimeSpan LaunchTimeout, TimeSpan BackoffBase, TimeSpan BackoffMax)
{
    public static FleetPolicy Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5));
}
