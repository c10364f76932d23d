using Greenlight.Core.Alarms;

namespace Greenlight.Core.Tests.Alarms;

/// <summary>
/// Builds datapoints from the CloudWatch documentation's notation, oldest first: "0" a fine datapoint, "X" a
/// breaching one, "-" a missing one. With the threshold 5 and GreaterThanThreshold, 0 is 1.0 and X is 9.0.
/// </summary>
internal static class AlarmPoints
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static AlarmRule Rule(int datapointsToAlarm, int evaluationPeriods, MissingDataTreatment treatment) =>
        new(ComparisonOperator.GreaterThanThreshold, 5, TimeSpan.FromSeconds(60), evaluationPeriods, datapointsToAlarm, treatment);

    public static Datapoint[] Parse(string notation) =>
    [
        .. notation.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((token, i) => new Datapoint(
            Start.AddMinutes(i),
            token switch
            {
                "0" => 1.0,
                "X" => 9.0,
                "-" => null,
                _ => throw new ArgumentException($"unknown datapoint token {token}", nameof(notation)),
            })),
    ];

    public static Datapoint[] Values(params double?[] values) =>
        [.. values.Select((v, i) => new Datapoint(Start.AddSeconds(i), v))];
}
