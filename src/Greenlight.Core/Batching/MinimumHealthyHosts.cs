using System.Globalization;

namespace Greenlight.Core.Batching;

/// <summary>
/// The minimum number of healthy instances a deployment must keep (CodeDeploy's <c>minimumHealthyHosts</c>).
/// This is the raw setting; <see cref="HealthConstraints.Resolve"/> turns it into an instance count for a fleet.
/// </summary>
public sealed record MinimumHealthyHosts(MinimumHealthyHostsType Type, int Value)
{
    public const string HostCountWireName = "HOST_COUNT";
    public const string FleetPercentWireName = "FLEET_PERCENT";

    public static MinimumHealthyHosts HostCount(int value) => new(MinimumHealthyHostsType.HostCount, value);

    public static MinimumHealthyHosts FleetPercent(int value) => new(MinimumHealthyHostsType.FleetPercent, value);

    /// <summary>The wire name of <see cref="Type"/>: <c>HOST_COUNT</c> or <c>FLEET_PERCENT</c>.</summary>
    public string TypeWireName => Type == MinimumHealthyHostsType.HostCount ? HostCountWireName : FleetPercentWireName;

    /// <summary><c>HOST_COUNT:6</c> or <c>FLEET_PERCENT:40</c>, the form <c>greenlight plan --min-healthy</c> reads.</summary>
    public override string ToString() => TypeWireName + ":" + Value.ToString(CultureInfo.InvariantCulture);
}
