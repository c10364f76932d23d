using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Alarms;

/// <summary>
/// Changes alarm states, whoever decides (an evaluation, PUT /alarms/{name}/state, the Alertmanager webhook): stores the
/// state and a history item, logs the change and tells the watching deployments at once.
/// </summary>
public sealed class AlarmStates(IGreenlightStore store, AlarmFeed feed, ILogger<AlarmStates> logger)
{
    /// <summary>
    /// Puts the alarm in <paramref name="state"/> (and applies <paramref name="also"/>, e.g. new sampled values); null when it
    /// does not exist. Nothing is written when the state is already that and <paramref name="also"/> is null.
    /// </summary>
    public async Task<AlarmDocument?> SetAsync(string name, string state, string reason, IReadOnlyList<AlarmDatapoint> datapoints, double? threshold,
        Func<AlarmDocument, AlarmDocument>? also, AuditEntry audit, CancellationToken ct)
    {
        var changed = await AlarmStore.UpdateAsync(store, name, doc =>
        {
            var next = AlarmTransitions.To(also?.Invoke(doc) ?? doc, state, reason, audit.At, datapoints, threshold);
            return ReferenceEquals(next, doc) ? null : next;
        }, audit, ct);
        if (changed is not var (before, after))
        {
            return (await AlarmStore.GetAsync(store, name, ct))?.Document;
        }

        if (before.Alarm.StateValue != after.Alarm.StateValue)
        {
            AlarmLog.StateChanged(logger, name, before.Alarm.StateValue, state, reason);
            try
            {
                await feed.ChangedAsync(name, AlarmVocabulary.State(state), reason, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                AlarmLog.FeedFailed(logger, e, name);
            }
        }

        return after;
    }
}
