using Greenlight.Core.Alarms;

namespace Greenlight.Core.Tests.Alarms;

/// <summary>The worked examples of <see cref="AlarmEvaluator"/>'s doc comment and the Reason sentences.</summary>
public sealed class AlarmEvaluatorTests
{
    private static readonly AlarmRule ThreeOfFive =
        new(ComparisonOperator.GreaterThanThreshold, 5, TimeSpan.FromSeconds(1), 5, 3, MissingDataTreatment.Missing);

    [Fact]
    public void Evaluate_ThreeOfFiveBreaching_AlarmWithReasonNamingTheNumbers()
    {
        var result = AlarmEvaluator.Evaluate(ThreeOfFive, AlarmPoints.Values(1, 12.5, 2, 9.1, 7), AlarmState.Ok);

        Assert.Equal(AlarmState.Alarm, result.State);
        Assert.Equal(3, result.Breaching);
        Assert.Equal(5, result.Evaluated);
        Assert.Equal("3 of the last 5 datapoints (1s each) were greater than the threshold 5 (12.5, 9.1, 7.0); missing data treated as missing", result.Reason);
    }

    [Fact]
    public void Evaluate_TwoOfFiveBreaching_OkSayingHowManyWereNeeded()
    {
        var result = AlarmEvaluator.Evaluate(ThreeOfFive, AlarmPoints.Values(1, 12.5, 2, 9.1, 3), AlarmState.Alarm);

        Assert.Equal(AlarmState.Ok, result.State);
        Assert.Equal(2, result.Breaching);
        Assert.Equal("2 of the last 5 datapoints (1s each) were greater than the threshold 5 (12.5, 9.1), fewer than the 3 needed to alarm; missing data treated as missing", result.Reason);
    }

    [Fact]
    public void Evaluate_MoreDatapointsThanTheRange_OnlyTheRangeIsLookedAt()
    {
        var rule = ThreeOfFive with { EvaluationPeriods = 3, DatapointsToAlarm = 3 };
        var result = AlarmEvaluator.Evaluate(rule, AlarmPoints.Values(9, 9, 9, 1, 9, 9, 9), AlarmState.Ok);

        Assert.Equal(AlarmState.Alarm, result.State);
        Assert.Equal(5, result.Datapoints.Length);
        Assert.Equal(1.0, result.Datapoints[1].Value);
    }

    [Fact]
    public void Evaluate_GapInTheRange_LastRealDatapointsAreEvaluated()
    {
        var rule = ThreeOfFive with { EvaluationPeriods = 3, DatapointsToAlarm = 3, TreatMissingData = MissingDataTreatment.Breaching };
        var result = AlarmEvaluator.Evaluate(rule, AlarmPoints.Values(9, 9, null, 1, 9), AlarmState.Ok);

        Assert.Equal(AlarmState.Ok, result.State);
        Assert.Equal(2, result.Breaching);
        Assert.Equal(3, result.Evaluated);
    }

    [Fact]
    public void Evaluate_BreachingFills_ReasonListsTheMissingPeriods()
    {
        var rule = ThreeOfFive with { EvaluationPeriods = 3, TreatMissingData = MissingDataTreatment.Breaching };
        var result = AlarmEvaluator.Evaluate(rule, AlarmPoints.Values(null, null, null, null, 12.5), AlarmState.Ok);

        Assert.Equal(AlarmState.Alarm, result.State);
        Assert.Equal(3, result.Breaching);
        Assert.Equal("3 of the last 3 datapoints (1s each) were greater than the threshold 5 (12.5, missing, missing), 2 missing counted as breaching; missing data treated as breaching", result.Reason);
    }

    [Fact]
    public void Evaluate_AllMissingIgnore_KeepsStateAndSaysSo()
    {
        var rule = ThreeOfFive with { TreatMissingData = MissingDataTreatment.Ignore };
        var result = AlarmEvaluator.Evaluate(rule, [], AlarmState.Alarm);

        Assert.Equal(AlarmState.Alarm, result.State);
        Assert.Equal(0, result.Evaluated);
        Assert.Equal("none of the last 7 periods (1s each) had a datapoint: the state stays ALARM; missing data ignored", result.Reason);
    }

    [Fact]
    public void Evaluate_AllMissingMissing_InsufficientData()
    {
        var result = AlarmEvaluator.Evaluate(ThreeOfFive, AlarmPoints.Values(null, null), AlarmState.Ok);

        Assert.Equal(AlarmState.InsufficientData, result.State);
        Assert.Equal("none of the last 7 periods (1s each) had a datapoint: insufficient data; missing data treated as missing", result.Reason);
    }

    [Fact]
    public void Evaluate_NaNValue_CountsAsMissing()
    {
        var rule = ThreeOfFive with { EvaluationPeriods = 1, DatapointsToAlarm = 1 };
        var result = AlarmEvaluator.Evaluate(rule, AlarmPoints.Values(double.NaN), AlarmState.Ok);

        Assert.Equal(AlarmState.InsufficientData, result.State);
    }

    [Theory]
    [InlineData(ComparisonOperator.GreaterThanThreshold, 5.0, AlarmState.Ok)]
    [InlineData(ComparisonOperator.GreaterThanOrEqualToThreshold, 5.0, AlarmState.Alarm)]
    [InlineData(ComparisonOperator.LessThanThreshold, 5.0, AlarmState.Ok)]
    [InlineData(ComparisonOperator.LessThanOrEqualToThreshold, 5.0, AlarmState.Alarm)]
    [InlineData(ComparisonOperator.LessThanThreshold, 4.9, AlarmState.Alarm)]
    [InlineData(ComparisonOperator.GreaterThanThreshold, 5.1, AlarmState.Alarm)]
    public void Evaluate_ValueAgainstThreshold_ComparesPerOperator(ComparisonOperator comparison, double value, AlarmState expected)
    {
        var rule = new AlarmRule(comparison, 5, TimeSpan.FromSeconds(10), 1, 1, MissingDataTreatment.Missing);

        Assert.Equal(expected, AlarmEvaluator.Evaluate(rule, AlarmPoints.Values(value), AlarmState.Ok).State);
    }

    [Fact]
    public void Evaluate_InvalidRule_ThrowsNamingTheField()
    {
        var rule = ThreeOfFive with { DatapointsToAlarm = 6 };

        var error = Assert.Throws<ArgumentException>(() => AlarmEvaluator.Evaluate(rule, [], AlarmState.Ok));
        Assert.Contains("datapointsToAlarm", error.Message, StringComparison.Ordinal);
    }
}
