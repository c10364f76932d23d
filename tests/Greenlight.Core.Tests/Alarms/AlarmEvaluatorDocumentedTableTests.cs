using Greenlight.Core.Alarms;

namespace Greenlight.Core.Tests.Alarms;

/// <summary>
/// CloudWatch's worked tables, row by row. Source: Amazon CloudWatch User Guide, "Using Amazon CloudWatch alarms",
/// section "Configuring how CloudWatch alarms treat missing data" / "How alarm state is evaluated when data is missing"
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-evaluating-missing-data;
/// read from awsdocs/amazon-cloudwatch-user-guide doc_source/AlarmThatSendsEmail.md at 05fd32f6). The rows and the
/// states are the page's; "current" is its "Retain current state", checked from each of the three states.
/// CloudWatch retrieves the 5 most recent datapoints for these 3-period alarms, which is our evaluation range.
/// </summary>
public sealed class AlarmEvaluatorDocumentedTableTests
{
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
