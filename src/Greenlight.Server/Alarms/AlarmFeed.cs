using System.Collections.Concurrent;
using Greenlight.Core.Alarms;
using Greenlight.Core.Deployments;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Alarms;

/// <summary>
/// Tells the active deployments watching an alarm (their spec's alarm configuration names it) what it does:
/// AlarmChanged on every change, at once, and AlarmPollFailed when its source cannot be read (once per failure spell).
/// <see cref="CatchUpAsync"/> tells deployments that started since (or were missed) the current state of what they watch.
/// The machine ignores repeats, so telling twice is harmless.
/// </summary>
public sealed class AlarmFeed(IGreenlightStore store, DeploymentEngine engine, ILogger<AlarmFeed> logger)
{
    private readonly ConcurrentDictionary<string, AlarmState> _told = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _pollFailureTold = new(StringComparer.Ordinal);

    /// <summary>The alarm changed: every watching deployment hears it now.</summary>
    public async Task ChangedAsync(string alarm, AlarmState state, string reason, CancellationToken ct)
    {
        foreach (var deployment in await WatchingAsync(alarm, ct))
        {
            await TellAsync(deployment, alarm, state, reason, ct);
        }
    }

    /// <summary>The alarm's source failed: watching deployments hear it once until the source answers again (<see cref="PollSucceeded"/>).</summary>
    public async Task PollFailedAsync(string alarm, string detail, CancellationToken ct)
    {
        foreach (var deployment in await WatchingAsync(alarm, ct))
        {
            if (_pollFailureTold.TryAdd($"{deployment}/{alarm}", true))
            {
                var result = await engine.ObserveAsync(deployment, new AlarmPollFailed($"alarm {alarm}: {detail}"), ct);
                AlarmLog.Fed(logger, deployment, "AlarmPollFailed", alarm, Outcome(result));
            }
        }
    }

    public void PollSucceeded(string alarm)
    {
        foreach (var key in _pollFailureTold.Keys.Where(k => k.EndsWith("/" + alarm, StringComparison.Ordinal)))
        {
            _pollFailureTold.TryRemove(key, out _);
        }
    }

    /// <summary>Tells each active deployment the state of every alarm it watches that it has not been told yet.</summary>
    public async Task CatchUpAsync(IReadOnlyDictionary<string, (AlarmState State, string Reason)> alarms, CancellationToken ct)
    {
        foreach (var (deployment, spec) in await ActiveAsync(ct))
        {
            foreach (var name in spec.Alarms.Enabled ? spec.Alarms.Alarms : [])
            {
                if (alarms.TryGetValue(name, out var now) && (!_told.TryGetValue($"{deployment}/{name}", out var told) || told != now.State))
                {
                    await TellAsync(deployment, name, now.State, now.Reason, ct);
                }
            }
        }

        if (_told.Count > 10_000)
        {
            _told.Clear();
        }
    }

    private async Task TellAsync(string deployment, string alarm, AlarmState state, string reason, CancellationToken ct)
    {
        _told[$"{deployment}/{alarm}"] = state;
        var result = await engine.ObserveAsync(deployment, new AlarmChanged(alarm, state, reason), ct);
        AlarmLog.Fed(logger, deployment, "AlarmChanged " + AlarmVocabulary.StateText(state), alarm, Outcome(result));
    }

    private async Task<IReadOnlyList<string>> WatchingAsync(string alarm, CancellationToken ct) =>
        [.. (await ActiveAsync(ct)).Where(d => d.Spec.Alarms.Watches(alarm)).Select(d => d.Id)];

    private async Task<IReadOnlyList<(string Id, DeploymentSpec Spec)>> ActiveAsync(CancellationToken ct)
    {
        var active = new List<(string, DeploymentSpec)>();
        foreach (var id in await store.ActiveDeploymentsAsync(ct))
        {
            if (await store.GetDeploymentAsync(id, ct) is { } record)
            {
                active.Add((id, EngineJson.ReadState(record.StateJson).Spec));
            }
        }

        return active;
    }

    private static string Outcome(ObserveResult result) => result.Applied ? "applied" : result.Rejection?.ToString() ?? "not found";
}
