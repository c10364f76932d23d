using Greenlight.Core.Alarms;

namespace Greenlight.Core.Tests.Alarms;

/// <summary>
/// The worked examples of <see cref="AlarmEvaluator"/>'s doc comment and the Reason sentences.
/// CloudWatch's worked tables, row by row. Source: Amazon CloudWatch User Guide, "Using Amazon CloudWatch alarms",
/// section "Configuring how CloudWatch alarms treat missing data" / "How alarm state is evaluated when data is missing"
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-evaluating-missing-data;
/// read from awsdocs/amazon-cloudwatch-user-guide doc_source/AlarmThatSendsEmail.md at 05fd32f6). The rows and the
/// states are the page's; "current" is its "Retain current state", checked from each of the three states.
/// CloudWatch retrieves the 5 most recent datapoints for these 3-period alarms, which is our evaluation range.
/// </summary>
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

    private const string Current = "current";

    /// <summary>First table: Datapoints to Alarm and Evaluation Periods both 3.</summary>
    [Theory]
    [InlineData("0 - X - X", "OK", "OK", "OK", "OK")]
    [InlineData("0 - - - -", "OK", "OK", "OK", "OK")]
    [InlineData("- - - - -", "INSUFFICIENT_DATA", Current, "ALARM", "OK")]
    [InlineData("0 X X - X", "ALARM", "ALARM", "ALARM", "ALARM")]
    [InlineData("- - - - X", "INSUFFICIENT_DATA", Current, "ALARM", "OK")]
    [InlineData("X - - - -", "ALARM", Current, "ALARM", "OK")]
    public void Evaluate_ThreeOfThreeDocumentedRow_MatchesCloudWatch(string points, string missing, string ignore, string breaching, string notBreaching) =>
        AssertRow(3, 3, points, missing, ignore, breaching, notBreaching);

    /// <summary>Second table: a 2 out of 3 alarm.</summary>
    [Theory]
    [InlineData("0 - X - X", "ALARM", "ALARM", "ALARM", "ALARM")]
    [InlineData("0 0 X 0 X", "ALARM", "ALARM", "ALARM", "ALARM")]
    [InlineData("0 - X - -", "OK", "OK", "ALARM", "OK")]
    [InlineData("- - - - 0", "OK", "OK", "ALARM", "OK")]
    [InlineData("- - - - X", "INSUFFICIENT_DATA", Current, "ALARM", "OK")]
    public void Evaluate_TwoOfThreeDocumentedRow_MatchesCloudWatch(string points, string missing, string ignore, string breaching, string notBreaching) =>
        AssertRow(2, 3, points, missing, ignore, breaching, notBreaching);

    private static void AssertRow(int m, int n, string points, string missing, string ignore, string breaching, string notBreaching)
    {
        var expected = new Dictionary<MissingDataTreatment, string>
        {
            [MissingDataTreatment.Missing] = missing,
            [MissingDataTreatment.Ignore] = ignore,
            [MissingDataTreatment.Breaching] = breaching,
            [MissingDataTreatment.NotBreaching] = notBreaching,
        };
        foreach (var (treatment, state) in expected)
        {
            foreach (var current in Enum.GetValues<AlarmState>())
            {
                var result = AlarmEvaluator.Evaluate(AlarmPoints.Rule(m, n, treatment), AlarmPoints.Parse(points), current);
                var want = state == Current ? current : Parse(state);
                Assert.True(want == result.State, $"{points} {m} of {n} {treatment} from {current}: want {want}, got {result.State} ({result.Reason})");
            }
        }
    }

    private static AlarmState Parse(string state) => state switch
    {
        "OK" => AlarmState.Ok,
        "ALARM" => AlarmState.Alarm,
        "INSUFFICIENT_DATA" => AlarmState.InsufficientData,
        _ => throw new ArgumentException(state, nameof(state)),
    };
}
