using System.Collections.Immutable;
using System.Globalization;

namespace Greenlight.Core.Alarms;

/// <summary>
/// A metric alarm's rule. Period: the datapoint length (1 s and up). M of N: DatapointsToAlarm of EvaluationPeriods.
/// </summary>
public sealed record AlarmRule(
    ComparisonOperator Comparison,
    double Threshold,
    TimeSpan Period,
    int EvaluationPeriods,
    int DatapointsToAlarm,
    MissingDataTreatment TreatMissingData)
{
    public const int MaxEvaluationPeriods = 100;

    /// <summary>
    /// How many periods beyond <see cref="EvaluationPeriods"/> the evaluation range reaches back: CloudWatch
    /// retrieves more datapoints than it evaluates (5 for a 3-period alarm in its documented examples).
    /// </summary>
    public const int ExtraRangePeriods = 2;

    public static TimeSpan MinPeriod { get; } = TimeSpan.FromSeconds(1);

    /// <summary>The number of most recent periods the evaluator looks at: EvaluationPeriods + 2.</summary>
    public int EvaluationRange => EvaluationPeriods + ExtraRangePeriods;

    /// <summary>True when <paramref name="value"/> is on the wrong side of the threshold.</summary>
    public bool Breaches(double value) => Comparison switch
    {
        ComparisonOperator.GreaterThanThreshold => value > Threshold,
        ComparisonOperator.GreaterThanOrEqualToThreshold => value >= Threshold,
        ComparisonOperator.LessThanThreshold => value < Threshold,
        ComparisonOperator.LessThanOrEqualToThreshold => value <= Threshold,
        _ => false,
    };

    /// <summary>
    /// Problems that make the rule unusable, each naming its field: period below 1 s, evaluationPeriods outside
    /// 1..100, datapointsToAlarm outside 1..evaluationPeriods, a threshold that is not a finite number, an
    /// undefined comparisonOperator or treatMissingData. Empty when the rule is valid.
    /// </summary>
    public ImmutableArray<string> Validate()
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        if (!Enum.IsDefined(Comparison))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"comparisonOperator must be one of {string.Join(", ", Enum.GetNames<ComparisonOperator>())}, not {(int)Comparison}."));
        }

        if (!double.IsFinite(Threshold))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"threshold must be a finite number, not {Threshold}."));
        }

        if (Period < MinPeriod)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"period must be at least 1 second, not {Period.TotalSeconds}s."));
        }

        if (EvaluationPeriods is < 1 or > MaxEvaluationPeriods)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"evaluationPeriods must be a whole number from 1 to {MaxEvaluationPeriods}, not {EvaluationPeriods}."));
        }

        if (DatapointsToAlarm < 1 || DatapointsToAlarm > Math.Max(1, EvaluationPeriods))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"datapointsToAlarm must be a whole number from 1 to evaluationPeriods ({EvaluationPeriods}), not {DatapointsToAlarm}."));
        }

        if (!Enum.IsDefined(TreatMissingData))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"treatMissingData must be one of {string.Join(", ", Enum.GetNames<MissingDataTreatment>())}, not {(int)TreatMissingData}."));
        }

        return problems.ToImmutable();
    }
}
