using Greenlight.Contracts.V1;
using Greenlight.Core.Alarms;

namespace Greenlight.Server.Alarms;

/// <summary>The words of alarms on the wire (CloudWatch's and ELB's names) and their Core values.</summary>
public static class AlarmVocabulary
{
    public const string LoadBalancer = "loadBalancer";
    public const string Prometheus = "prometheus";
    public const string External = "external";

    public const string FiveXxRate = "HTTPCode_Target_5XX_Rate";
    public const string FiveXxCount = "HTTPCode_Target_5XX_Count";
    public const string ResponseTime = "TargetResponseTime";
    public const string UnhealthyHosts = "UnHealthyHostCount";
    public const string Requests = "RequestCount";

    public const string Ok = "OK";
    public const string Alarm = "ALARM";
    public const string InsufficientData = "INSUFFICIENT_DATA";

    public static readonly string[] Sources = [LoadBalancer, Prometheus, External];

    public static readonly string[] MetricNames = [FiveXxRate, FiveXxCount, ResponseTime, UnhealthyHosts, Requests];

    public static readonly string[] Comparisons = ["GreaterThanThreshold", "GreaterThanOrEqualToThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold"];

    public static readonly string[] MissingData = ["missing", "notBreaching", "breaching", "ignore"];

    public static readonly string[] States = [Ok, Alarm, InsufficientData];

    /// <summary>The statistics a load balancer metric offers (the first is its default).</summary>
    public static string[] StatisticsOf(string metricName) => metricName switch
    {
        FiveXxRate => ["Average"],
        ResponseTime => ["p99", "p90", "p50", "Average"],
        UnhealthyHosts => ["Maximum", "Minimum", "Average"],
        _ => ["Sum", "Average", "SampleCount"],
    };

    public static ComparisonOperator Comparison(string text) => Enum.Parse<ComparisonOperator>(text);

    public static MissingDataTreatment Missing(string? text) => text switch
    {
        "notBreaching" => MissingDataTreatment.NotBreaching,
        "breaching" => MissingDataTreatment.Breaching,
        "ignore" => MissingDataTreatment.Ignore,
        _ => MissingDataTreatment.Missing,
    };

    public static string StateText(AlarmState state) => state switch
    {
        AlarmState.Ok => Ok,
        AlarmState.Alarm => Alarm,
        _ => InsufficientData,
    };

    public static AlarmState State(string text) => text switch
    {
        Ok => AlarmState.Ok,
        Alarm => AlarmState.Alarm,
        _ => AlarmState.InsufficientData,
    };

    /// <summary>The evaluator's rule of an evaluated alarm.</summary>
    public static AlarmRule Rule(AlarmInfo alarm) => new(
        Comparison(alarm.ComparisonOperator!),
        alarm.Threshold ?? 0,
        TimeSpan.FromSeconds(alarm.Period ?? 1),
        alarm.EvaluationPeriods ?? 1,
        alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods ?? 1,
        Missing(alarm.TreatMissingData));
}
