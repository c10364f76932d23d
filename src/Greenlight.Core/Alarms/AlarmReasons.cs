using System.Collections.Immutable;
using System.Globalization;

namespace Greenlight.Core.Alarms;

/// <summary>
/// The sentences of <see cref="AlarmEvaluation.Reason"/>: they name the numbers, e.g. "3 of the last 5 datapoints
/// (1s each) were greater than the threshold 5 (12.5, 9.1, 7.0); missing data treated as missing".
/// </summary>
internal sealed class AlarmReasons(AlarmRule rule, int rangeLength)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A count over EvaluationPeriods datapoints, <paramref name="fills"/> of them missing periods filled in.</summary>
    public string Counted(AlarmState state, ImmutableArray<Datapoint> breaching, int evaluated, int fills)
    {
        var listed = rule.TreatMissingData == MissingDataTreatment.Breaching ? fills : 0;
        var count = breaching.Length + listed;
        var filled = fills == 0
            ? ""
            : string.Create(Invariant, $", {fills} missing counted as {(rule.TreatMissingData == MissingDataTreatment.Breaching ? "breaching" : "not breaching")}");
        return string.Create(Invariant,
            $"{count} of the last {evaluated} datapoints ({Period}) {Were(count)} {Comparison} the threshold {Number(rule.Threshold)}{Values(breaching, listed)}{Needed(state)}{filled}; {Treatment}");
    }

    /// <summary>missing or ignore deciding on the real datapoints alone.</summary>
    public string Available(AlarmState state, ImmutableArray<Datapoint> breaching, int real) =>
        string.Create(Invariant,
            $"{breaching.Length} of the {real} datapoints in the last {rangeLength} periods ({Period}) {Were(breaching.Length)} {Comparison} the threshold {Number(rule.Threshold)}{Values(breaching, 0)}{Needed(state)}; {Treatment}");

    /// <summary>ignore when the real datapoints cannot decide.</summary>
    public string Kept(AlarmState current, ImmutableArray<Datapoint> breaching, int real) =>
        string.Create(Invariant, $"{Undecidable(breaching, real)}: the state stays {Name(current)}; {Treatment}");

    /// <summary>missing when the real datapoints cannot decide.</summary>
    public string Insufficient(ImmutableArray<Datapoint> breaching, int real) =>
        string.Create(Invariant, $"{Undecidable(breaching, real)}: insufficient data; {Treatment}");

    /// <summary>missing: every real datapoint breaches and the oldest is at least DatapointsToAlarm periods old.</summary>
    public string SinceBreach(ImmutableArray<Datapoint> breaching, int real, int periods) =>
        string.Create(Invariant,
            $"{breaching.Length} of the {real} datapoints in the last {rangeLength} periods ({Period}) {Were(breaching.Length)} {Comparison} the threshold {Number(rule.Threshold)}{Values(breaching, 0)} and none was within it: the {periods} periods from the oldest of them on count as breaching, at least the {rule.DatapointsToAlarm} needed to alarm; {Treatment}");

    private string Undecidable(ImmutableArray<Datapoint> breaching, int real) => real == 0
        ? string.Create(Invariant, $"none of the last {rangeLength} periods ({Period}) had a datapoint")
        : string.Create(Invariant,
            $"{breaching.Length} of the {real} datapoints in the last {rangeLength} periods ({Period}) {Were(breaching.Length)} {Comparison} the threshold {Number(rule.Threshold)}{Values(breaching, 0)}, fewer than the {rule.DatapointsToAlarm} needed to alarm, and none was within it");

    private string Needed(AlarmState state) => state == AlarmState.Alarm
        ? ""
        : string.Create(Invariant, $", fewer than the {rule.DatapointsToAlarm} needed to alarm");

    private string Period => Number(rule.Period.TotalSeconds) + "s each";

    private string Comparison => rule.Comparison switch
    {
        ComparisonOperator.GreaterThanThreshold => "greater than",
        ComparisonOperator.GreaterThanOrEqualToThreshold => "greater than or equal to",
        ComparisonOperator.LessThanThreshold => "less than",
        ComparisonOperator.LessThanOrEqualToThreshold => "less than or equal to",
        _ => "compared with",
    };

    private string Treatment => rule.TreatMissingData switch
    {
        MissingDataTreatment.NotBreaching => "missing data treated as notBreaching",
        MissingDataTreatment.Breaching => "missing data treated as breaching",
        MissingDataTreatment.Ignore => "missing data ignored",
        _ => "missing data treated as missing",
    };

    private static string Were(int count) => count == 1 ? "was" : "were";

    /// <summary>" (12.5, 9.1, 7.0)" for the breaching values, then "missing" once per missing period counted as breaching.</summary>
    private static string Values(ImmutableArray<Datapoint> breaching, int missing)
    {
        var values = breaching.Select(d => Value(d.Value!.Value)).Concat(Enumerable.Repeat("missing", missing)).ToList();
        return values.Count == 0 ? "" : " (" + string.Join(", ", values) + ")";
    }

    private static string Name(AlarmState state) => state switch
    {
        AlarmState.Ok => "OK",
        AlarmState.Alarm => "ALARM",
        _ => "INSUFFICIENT_DATA",
    };

    private static string Number(double value) => value.ToString("R", Invariant);

    /// <summary>A datapoint's value, with at least one decimal: 7.0, 12.5.</summary>
    private static string Value(double value)
    {
        var text = Number(value);
        return double.IsInteger(value) && !text.Contains('E', StringComparison.Ordinal) ? text + ".0" : text;
    }
}
