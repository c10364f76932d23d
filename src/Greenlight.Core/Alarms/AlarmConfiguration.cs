using System.Collections.Immutable;

namespace Greenlight.Core.Alarms;

/// <summary>
/// A deployment group's alarm configuration (CodeDeploy's AlarmConfiguration): up to 10 alarms; any of
/// them in ALARM stops the deployment with ALARM_ACTIVE. With <see cref="IgnorePollAlarmFailure"/> a
/// failure to read the alarms is ignored; without it, the deployment stops.
/// </summary>
public sealed record AlarmConfiguration(bool Enabled, ImmutableArray<string> Alarms, bool IgnorePollAlarmFailure)
{
    public const int MaxAlarms = 10;

    public static AlarmConfiguration None { get; } = new(false, [], false);

    public bool Watches(string alarm) => Enabled && Alarms.Contains(alarm, StringComparer.Ordinal);
}
