using System.Collections.Concurrent;
using Greenlight.Contracts.V1;

namespace Greenlight.Server.Alarms;

/// <summary>
/// What the evaluator knows between passes, in memory: each alarm's newest evaluation (shown by the API), the end of the
/// last period it evaluated, and the sampled values of UnHealthyHostCount alarms.
/// </summary>
public sealed class AlarmEvaluations
{
    private readonly ConcurrentDictionary<string, AlarmEvaluationInfo> _last = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _evaluatedUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<AlarmDatapoint>> _samples = new(StringComparer.Ordinal);

    public AlarmEvaluationInfo? Last(string alarm) => _last.GetValueOrDefault(alarm);

    public void Record(string alarm, AlarmEvaluationInfo evaluation) => _last[alarm] = evaluation;

    /// <summary>Whether the period ending at <paramref name="periodEnd"/> is still to be evaluated; claims it if so (one caller: the evaluator's loop).</summary>
    public bool Claim(string alarm, DateTimeOffset periodEnd)
    {
        if (_evaluatedUntil.TryGetValue(alarm, out var before) && before >= periodEnd)
        {
            return false;
        }

        _evaluatedUntil[alarm] = periodEnd;
        return true;
    }

    public IReadOnlyList<AlarmDatapoint> Samples(string alarm) => _samples.GetValueOrDefault(alarm) ?? [];

    public void SetSamples(string alarm, IReadOnlyList<AlarmDatapoint> samples) => _samples[alarm] = samples;

    /// <summary>Forgets an alarm (deleted, or its definition changed).</summary>
    public void Forget(string alarm)
    {
        _last.TryRemove(alarm, out _);
        _evaluatedUntil.TryRemove(alarm, out _);
        _samples.TryRemove(alarm, out _);
    }
}
