using Greenlight.Contracts.V1;

namespace Greenlight.Server.Alarms;

/// <summary>
/// A stored alarm: its definition and state as the API shows them (<see cref="Alarm"/>, without the last evaluation,
/// which lives in memory), the last 100 state changes, newest last, and <see cref="Recent"/>: the values of the
/// sampled sources (Prometheus, UnHealthyHostCount), oldest first, kept so a restart does not lose them.
/// </summary>
public sealed record AlarmDocument(AlarmInfo Alarm, IReadOnlyList<AlarmHistoryItem> History, IReadOnlyList<AlarmDatapoint> Recent)
{
    public const int HistoryKept = 100;

    public string Name => Alarm.AlarmName;

    public bool IsExternal => Alarm.Metric.Source == AlarmVocabulary.External;
}
