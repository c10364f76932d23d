namespace Greenlight.Core.Batching;

/// <summary>How <see cref="MinimumHealthyHosts.Value"/> is read (CodeDeploy's <c>MinimumHealthyHostsType</c>).</summary>
public enum MinimumHealthyHostsType
{
    /// <summary><c>HOST_COUNT</c>: an absolute number of instances, 0 or more.</summary>
    HostCount,

    /// <summary><c>FLEET_PERCENT</c>: a percentage of the target instances, 0–99, rounded up to an instance count.</summary>
    FleetPercent,
}
