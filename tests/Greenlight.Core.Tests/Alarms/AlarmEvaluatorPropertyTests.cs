using CsCheck;
using Greenlight.Core.Alarms;

namespace Greenlight.Core.Tests.Alarms;

/// <summary>
/// Safety properties of <see cref="AlarmEvaluator"/> over random valid rules (1–8 evaluation periods, any M of N,
/// every operator and treatment, periods 1–120 s) and random datapoints (0 to N + 6 of them, values 0–10 so that
/// some equal the threshold, about a third missing), from every current state.
/// </summary>
[Trait("Category", PropertyIterations.Category)]
public sealed class AlarmEvaluatorPropertyTests
{
    internal sealed record Case(AlarmRule Rule, double?[] Values, AlarmState Current)
    {
        public Datapoint[] Points => AlarmPoints.Values(Values);

        /// <summary>The evaluation range's values, oldest first; periods before the first datapoint are missing.</summary>
        public double?[] InRange =>
            [.. Enumerable.Repeat<double?>(null, Math.Max(0, Rule.EvaluationRange - Values.Length)), .. Values[Math.Max(0, Values.Length - Rule.EvaluationRange)..]];

        public override string ToString() =>
            $"{Rule.DatapointsToAlarm} of {Rule.EvaluationPeriods} {Rule.Comparison} {Rule.Threshold} {Rule.TreatMissingData} " +
            $"from {Current} [{string.Join(" ", Values.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"))}]";
    }

    private static readonly Gen<AlarmRule> Rules =
        from n in Gen.Int[1, 8]
        from m in Gen.Int[1, n]
        from comparison in Gen.Int[0, 3]
        from threshold in Gen.Int[0, 10]
        from period in Gen.Int[1, 120]
        from treatment in Gen.Int[0, 3]
        select new AlarmRule((ComparisonOperator)comparison, threshold, TimeSpan.FromSeconds(period), n, m, (MissingDataTreatment)treatment);

    private static readonly Gen<double?> Values = Gen.Frequency(
        (2, Gen.Int[0, 10].Select(v => (double?)v)),
        (1, Gen.Const((double?)null)));

    internal static readonly Gen<Case> Cases =
        from rule in Rules
        from values in Values.Array[0, rule.EvaluationPeriods + 6]
        from current in Gen.Int[0, 2]
        select new Case(rule, values, (AlarmState)current);

    /// <summary>
    /// Never ALARM with fewer than DatapointsToAlarm breaching periods in the range: real breaching datapoints, plus
    /// missing ones only where the treatment counts them (breaching: any missing period; missing: the periods after the
    /// oldest breaching datapoint when no datapoint is within the threshold), unless ignore keeps an ALARM the data
    /// cannot decide. And never throws for a valid rule.
    /// </summary>
    [Fact]
    public void Evaluate_RandomCase_NeverAlarmsWithoutEnoughBreachingPeriods() =>
        Cases.Sample(c =>
        {
            var result = AlarmEvaluator.Evaluate(c.Rule, c.Points, c.Current);
            if (result.State != AlarmState.Alarm)
            {
                return;
            }

            var range = c.InRange;
            var breaching = range.Count(v => v is { } x && c.Rule.Breaches(x));
            var fine = range.Count(v => v is { } x && !c.Rule.Breaches(x));
            var oldestBreach = Array.FindIndex(range, v => v is { } x && c.Rule.Breaches(x));
            if (c.Rule.TreatMissingData == MissingDataTreatment.Ignore && c.Current == AlarmState.Alarm && fine == 0 && breaching < c.Rule.DatapointsToAlarm)
            {
                return; // ignore kept ALARM: the data cannot decide, so nothing moved to ALARM.
            }

            var counted = c.Rule.TreatMissingData switch
            {
                MissingDataTreatment.Breaching => breaching + range.Count(v => v is null),
                MissingDataTreatment.Missing when fine == 0 && oldestBreach >= 0 => range.Length - oldestBreach,
                _ => breaching,
            };
            Assert.True(counted >= c.Rule.DatapointsToAlarm, $"ALARM with {counted} breaching periods: {c} ({result.Reason})");
            Assert.True(result.Breaching >= c.Rule.DatapointsToAlarm, $"ALARM reporting {result.Breaching} breaching: {c}");
        }, iter: PropertyIterations.Long);

    /// <summary>OK always reports fewer breaching than DatapointsToAlarm; the reason is never empty.</summary>
    [Fact]
    public void Evaluate_RandomCase_CountsAgreeWithTheState() =>
        Cases.Sample(c =>
        {
            var result = AlarmEvaluator.Evaluate(c.Rule, c.Points, c.Current);
            if (result.State == AlarmState.Ok && result.Evaluated > 0)
            {
                Assert.True(result.Breaching < c.Rule.DatapointsToAlarm, $"OK with {result.Breaching} breaching: {c}");
            }

            Assert.InRange(result.Evaluated, 0, c.Rule.EvaluationRange);
            Assert.Equal(Math.Min(c.Values.Length, c.Rule.EvaluationRange), result.Datapoints.Length);
            Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        }, iter: PropertyIterations.Long);

    /// <summary>ignore with every period of the range missing keeps the current state, whatever it is.</summary>
    [Fact]
    public void Evaluate_IgnoreAllMissing_KeepsCurrentState() =>
        Cases.Sample(c =>
        {
            var rule = c.Rule with { TreatMissingData = MissingDataTreatment.Ignore };
            var values = c.Values.Select(_ => (double?)null).ToArray();

            Assert.Equal(c.Current, AlarmEvaluator.Evaluate(rule, AlarmPoints.Values(values), c.Current).State);
        }, iter: PropertyIterations.Long);

    /// <summary>ignore never moves to INSUFFICIENT_DATA; it only stays there.</summary>
    [Fact]
    public void Evaluate_Ignore_NeverEntersInsufficientData() =>
        Cases.Sample(c =>
        {
            var rule = c.Rule with { TreatMissingData = MissingDataTreatment.Ignore };
            var state = AlarmEvaluator.Evaluate(rule, c.Points, c.Current).State;

            Assert.True(state != AlarmState.InsufficientData || c.Current == AlarmState.InsufficientData, c.ToString());
        }, iter: PropertyIterations.Long);

    /// <summary>The result depends only on the evaluation range: older datapoints in front change nothing.</summary>
    [Fact]
    public void Evaluate_OlderDatapointsBeforeTheRange_SameResult() =>
        Gen.Select(Cases, Values.Array[1, 6]).Sample((c, older) =>
        {
            var padded = c.Values.Length >= c.Rule.EvaluationRange ? [.. older, .. c.Values] : c.Values;
            var plain = AlarmEvaluator.Evaluate(c.Rule, c.Points, c.Current);
            var more = AlarmEvaluator.Evaluate(c.Rule, AlarmPoints.Values(padded), c.Current);

            Assert.Equal((plain.State, plain.Breaching, plain.Evaluated, plain.Reason), (more.State, more.Breaching, more.Evaluated, more.Reason));
        }, iter: PropertyIterations.Long);

    /// <summary>
    /// When the last EvaluationPeriods periods all have data, the verdict is the plain M of N count over them,
    /// whatever the treatment and whatever came before.
    /// </summary>
    [Fact]
    public void Evaluate_LastPeriodsAllPresent_PlainMOfNCount() =>
        Gen.Select(Cases, Gen.Int[0, 10].Array[8]).Sample((c, recent) =>
        {
            var last = recent[..c.Rule.EvaluationPeriods].Select(v => (double?)v).ToArray();
            var values = c.Values.Concat(last).ToArray();
            var breaching = last.Count(v => c.Rule.Breaches(v!.Value));

            var result = AlarmEvaluator.Evaluate(c.Rule, AlarmPoints.Values(values), c.Current);

            Assert.Equal(breaching >= c.Rule.DatapointsToAlarm ? AlarmState.Alarm : AlarmState.Ok, result.State);
            Assert.Equal(breaching, result.Breaching);
            Assert.Equal(c.Rule.EvaluationPeriods, result.Evaluated);
        }, iter: PropertyIterations.Long);

    /// <summary>Making one fine datapoint breach never takes ALARM away.</summary>
    [Fact]
    public void Evaluate_OneMoreBreachingDatapoint_StillAlarm() =>
        Gen.Select(Cases, Gen.Int[0, 100]).Sample((c, pick) =>
        {
            var fine = Enumerable.Range(0, c.Values.Length).Where(i => c.Values[i] is { } x && !c.Rule.Breaches(x)).ToArray();
            if (fine.Length == 0 || AlarmEvaluator.Evaluate(c.Rule, c.Points, c.Current).State != AlarmState.Alarm)
            {
                return;
            }

            var worse = (double?[])c.Values.Clone();
            worse[fine[pick % fine.Length]] = c.Rule.Comparison is ComparisonOperator.GreaterThanThreshold or ComparisonOperator.GreaterThanOrEqualToThreshold
                ? c.Rule.Threshold + 1
                : c.Rule.Threshold - 1;

            Assert.Equal(AlarmState.Alarm, AlarmEvaluator.Evaluate(c.Rule, AlarmPoints.Values(worse), c.Current).State);
        }, iter: PropertyIterations.Long);

    /// <summary>Every period of the range missing: missing gives INSUFFICIENT_DATA, breaching ALARM, notBreaching OK.</summary>
    [Fact]
    public void Evaluate_AllMissing_StatePerTreatment() =>
        Cases.Sample(c =>
        {
            var none = AlarmPoints.Values([.. c.Values.Select(_ => (double?)null)]);
            AlarmState? expected = c.Rule.TreatMissingData switch
            {
                MissingDataTreatment.Missing => AlarmState.InsufficientData,
                MissingDataTreatment.Breaching => AlarmState.Alarm,
                MissingDataTreatment.NotBreaching => AlarmState.Ok,
                _ => null,
            };

            Assert.Equal(expected ?? c.Current, AlarmEvaluator.Evaluate(c.Rule, none, c.Current).State);
        }, iter: PropertyIterations.Long);
}
