using System.Collections.Immutable;

namespace Greenlight.Core.Alarms;

/// <summary>
/// Decides a metric alarm's state from its most recent datapoints, with CloudWatch's documented semantics
/// ("Evaluating an alarm" and "Configuring how CloudWatch alarms treat missing data" in the CloudWatch user guide).
/// Pure: no clock, no I/O, no randomness.
/// </summary>
/// <remarks>
/// <para>
/// The evaluation range is the last <see cref="AlarmRule.EvaluationRange"/> periods (EvaluationPeriods + 2: CloudWatch
/// retrieves more datapoints than it evaluates). Then, with N = EvaluationPeriods and M = DatapointsToAlarm:
/// </para>
/// <list type="number">
/// <item>At least N real datapoints in the range: the most recent N real ones are evaluated, ALARM when at least M
/// breach, else OK. The missing-data treatment is not needed and is not consulted.</item>
/// <item>Fewer than N: every real datapoint is evaluated and missing periods fill in the rest, as few as possible.
/// <c>breaching</c> fills count as breaching, <c>notBreaching</c> fills as fine; ALARM when at least M breach.</item>
/// <item><c>missing</c> and <c>ignore</c> decide on the real datapoints alone when they can: ALARM when at least M breach,
/// OK when at least one is within the threshold. When none is (all missing, or every real one breaching but fewer
/// than M): <c>ignore</c> keeps the current state; <c>missing</c> gives INSUFFICIENT_DATA, except that the periods from
/// the oldest breaching datapoint on count as breaching, so ALARM when that datapoint is at least M periods old.</item>
/// </list>
/// <para>Worked examples, 3 of 3, range of 5, oldest first (0 fine, X breaching, - missing), pinned by AlarmEvaluatorTests:</para>
/// <list type="table">
/// <listheader><term>datapoints</term><description>missing / ignore / breaching / notBreaching</description></listheader>
/// <item><term><c>0 - X - X</c></term><description>OK / OK / OK / OK (3 real: 0 X X, 2 breach)</description></item>
/// <item><term><c>0 - - - -</c></term><description>OK / OK / OK / OK (breaching: 0 + 2 fills = 2 breach)</description></item>
/// <item><term><c>- - - - -</c></term><description>INSUFFICIENT_DATA / current / ALARM / OK</description></item>
/// <item><term><c>0 X X - X</c></term><description>ALARM everywhere (the last 3 real ones all breach)</description></item>
/// <item><term><c>- - - - X</c></term><description>INSUFFICIENT_DATA / current / ALARM / OK</description></item>
/// <item><term><c>X - - - -</c></term><description>ALARM / current / ALARM / OK (5 periods from the breaching one on)</description></item>
/// </list>
/// <para>
/// Datapoints are one per period, oldest first, and a missing period is a null (or NaN) value: the evaluator does not
/// read <see cref="Datapoint.PeriodStart"/>. Fewer datapoints than the range are fine (the older periods count as
/// missing); more are fine too (only the range is looked at).
/// </para>
/// </remarks>
public static class AlarmEvaluator
{
    /// <summary>
    /// The alarm's state for <paramref name="datapoints"/>: the most recent periods, oldest first (any number; the
    /// evaluator takes what CloudWatch's evaluation range needs). <paramref name="current"/> is kept by <c>ignore</c>
    /// when the data cannot decide. Throws <see cref="ArgumentException"/> only for a rule that fails
    /// <see cref="AlarmRule.Validate"/>.
    /// </summary>
    public static AlarmEvaluation Evaluate(AlarmRule rule, IReadOnlyList<Datapoint> datapoints, AlarmState current)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(datapoints);
        var problems = rule.Validate();
        if (!problems.IsEmpty)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(rule));
        }

        var range = Range(rule, datapoints);
        var real = range.Where(d => d.HasValue).ToImmutableArray();
        var n = rule.EvaluationPeriods;
        var m = rule.DatapointsToAlarm;
        var text = new AlarmReasons(rule, rule.EvaluationRange);

        if (real.Length >= n)
        {
            var evaluated = real[^n..];
            var breaching = evaluated.Where(d => rule.Breaches(d.Value!.Value)).ToImmutableArray();
            var state = breaching.Length >= m ? AlarmState.Alarm : AlarmState.Ok;
            return new(state, breaching.Length, n, text.Counted(state, breaching, n, fills: 0), range);
        }

        var realBreaching = real.Where(d => rule.Breaches(d.Value!.Value)).ToImmutableArray();
        switch (rule.TreatMissingData)
        {
            case MissingDataTreatment.Breaching:
            {
                var fills = n - real.Length;
                var count = realBreaching.Length + fills;
                var state = count >= m ? AlarmState.Alarm : AlarmState.Ok;
                return new(state, count, n, text.Counted(state, realBreaching, n, fills), range);
            }

            case MissingDataTreatment.NotBreaching:
            {
                var fills = n - real.Length;
                var state = realBreaching.Length >= m ? AlarmState.Alarm : AlarmState.Ok;
                return new(state, realBreaching.Length, n, text.Counted(state, realBreaching, n, fills), range);
            }

            case MissingDataTreatment.Missing:
            case MissingDataTreatment.Ignore:
            default:
                return Undecided(rule, range, real, realBreaching, current, text);
        }
    }

    /// <summary>The last EvaluationRange datapoints (all of them when there are fewer).</summary>
    private static ImmutableArray<Datapoint> Range(AlarmRule rule, IReadOnlyList<Datapoint> datapoints)
    {
        var start = Math.Max(0, datapoints.Count - rule.EvaluationRange);
        var range = ImmutableArray.CreateBuilder<Datapoint>(datapoints.Count - start);
        for (var i = start; i < datapoints.Count; i++)
        {
            range.Add(datapoints[i] ?? throw new ArgumentException($"datapoints[{i}] is null.", nameof(datapoints)));
        }

        return range.MoveToImmutable();
    }

    /// <summary>missing and ignore with fewer than EvaluationPeriods real datapoints in the range.</summary>
    private static AlarmEvaluation Undecided(
        AlarmRule rule,
        ImmutableArray<Datapoint> range,
        ImmutableArray<Datapoint> real,
        ImmutableArray<Datapoint> realBreaching,
        AlarmState current,
        AlarmReasons text)
    {
        var m = rule.DatapointsToAlarm;
        if (realBreaching.Length >= m || real.Length > realBreaching.Length)
        {
            var state = realBreaching.Length >= m ? AlarmState.Alarm : AlarmState.Ok;
            return new(state, realBreaching.Length, real.Length, text.Available(state, realBreaching, real.Length), range);
        }

        if (rule.TreatMissingData == MissingDataTreatment.Ignore)
        {
            return new(current, realBreaching.Length, real.Length, text.Kept(current, realBreaching, real.Length), range);
        }

        if (realBreaching.Length > 0)
        {
            // Every real datapoint breaches: the periods from the oldest one on count as breaching.
            var periods = range.Length - range.IndexOf(realBreaching[0]);
            if (periods >= m)
            {
                return new(AlarmState.Alarm, periods, periods, text.SinceBreach(realBreaching, real.Length, periods), range);
            }
        }

        return new(AlarmState.InsufficientData, realBreaching.Length, real.Length, text.Insufficient(realBreaching, real.Length), range);
    }
}
