using Greenlight.Contracts.V1;

namespace Greenlight.Server.Alarms;

/// <summary>A change of an alarm's state as a new document: state, reason, timestamp, and a history item (the last 100 kept).</summary>
public static class AlarmTransitions
{
    /// <summary>The document in <paramref name="state"/>; unchanged (the same instance) when it already is.</summary>
    public static AlarmDocument To(AlarmDocument doc, string state, string reason, DateTimeOffset at, IReadOnlyList<AlarmDatapoint> datapoints, double? threshold)
    {
        if (doc.Alarm.StateValue == state)
        {
            return doc;
        }

        var item = new AlarmHistoryItem(at, doc.Alarm.StateValue, state, reason, datapoints, threshold);
        var history = doc.History.Count >= AlarmDocument.HistoryKept ? doc.History.Skip(doc.History.Count - AlarmDocument.HistoryKept + 1) : doc.History;
        return doc with
        {
            Alarm = doc.Alarm with { StateValue = state, StateReason = reason, StateUpdatedTimestamp = at },
            History = [.. history, item],
        };
    }
}
