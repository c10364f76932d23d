using Greenlight.Core.Traffic;

namespace Greenlight.Core.Deployments;

/// <summary>
/// CodeDeploy's blue/green options plus Greenlight's traffic schedule.
/// <see cref="ReadyWait"/> null means continue as soon as green is installed (CONTINUE_DEPLOYMENT);
/// a value waits in Ready for a continue that long, then stops (STOP_DEPLOYMENT).
/// <see cref="TerminationWait"/> null keeps blue alive (KEEP_ALIVE); a value terminates blue after it.
/// </summary>
public sealed record BlueGreenOptions(
    GreenFleetSource GreenFleet,
    TrafficSchedule Traffic,
    TimeSpan? ReadyWait,
    TimeSpan? TerminationWait)
{
    public bool KeepsBlueAlive => TerminationWait is null;
}
