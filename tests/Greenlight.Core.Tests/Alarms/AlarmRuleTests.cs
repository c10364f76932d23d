using Greenlight.Core.Alarms;

namespace Greenlight.Core.Tests.Alarms;

public sealed class AlarmRuleTests
{
    private static readonly AlarmRule Valid =
        new(ComparisonOperator.GreaterThanThreshold, 5, TimeSpan.FromSeconds(1), 5, 3, MissingDataTreatment.Missing);

    [Fact]
    public void Validate_ValidRule_NoProblems() => Assert.Empty(Valid.Validate());

    [Fact]
    public void Validate_LimitsInclusive_NoProblems()
    {
        Assert.Empty((Valid with { EvaluationPeriods = 100, DatapointsToAlarm = 100 }).Validate());
        Assert.Empty((Valid with { EvaluationPeriods = 1, DatapointsToAlarm = 1 }).Validate());
    }

    [Theory]
    [InlineData(0.5, 5, 3, 5.0, "period must be at least 1 second, not 0.5s.")]
    [InlineData(1, 0, 1, 5.0, "evaluationPeriods must be a whole number from 1 to 100, not 0.")]
    [InlineData(1, 101, 3, 5.0, "evaluationPeriods must be a whole number from 1 to 100, not 101.")]
    [InlineData(1, 5, 0, 5.0, "datapointsToAlarm must be a whole number from 1 to evaluationPeriods (5), not 0.")]
    [InlineData(1, 5, 6, 5.0, "datapointsToAlarm must be a whole number from 1 to evaluationPeriods (5), not 6.")]
    [InlineData(1, 5, 3, double.NaN, "threshold must be a finite number, not NaN.")]
    [InlineData(1, 5, 3, double.PositiveInfinity, "threshold must be a finite number, not Infinity.")]
    public void Validate_OneFieldWrong_OneProblemNamingIt(double periodSeconds, int evaluationPeriods, int datapointsToAlarm, double threshold, string problem)
    {
        var rule = Valid with
        {
            Period = TimeSpan.FromSeconds(periodSeconds),
            EvaluationPeriods = evaluationPeriods,
            DatapointsToAlarm = datapointsToAlarm,
            Threshold = threshold,
        };

        Assert.Equal(problem, Assert.Single(rule.Validate()));
    }

    [Fact]
    public void Validate_UndefinedEnums_ProblemsNameTheFields()
    {
        var problems = (Valid with { Comparison = (ComparisonOperator)9, TreatMissingData = (MissingDataTreatment)9 }).Validate();

        Assert.Equal(2, problems.Length);
        Assert.StartsWith("comparisonOperator must be one of GreaterThanThreshold,", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("treatMissingData must be one of Missing,", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluationRange_ThreePeriods_FiveAsInCloudWatchsExamples() =>
        Assert.Equal(5, (Valid with { EvaluationPeriods = 3 }).EvaluationRange);
}
