namespace Greenlight.Contracts.V1;

/// <summary>
/// Where an alarm's datapoints come from; <see cref="Source"/> says which fields apply:
/// <list type="bullet">
/// <item><c>loadBalancer</c>: <see cref="TargetGroupName"/>, <see cref="MetricName"/> (<c>HTTPCode_Target_5XX_Rate</c> in percent,
/// <c>HTTPCode_Target_5XX_Count</c>, <c>TargetResponseTime</c> in seconds, <c>UnHealthyHostCount</c>, <c>RequestCount</c>) and
/// optionally <see cref="Pool"/> (<c>blue</c> or <c>green</c>: only the targets in that pool now).</item>
/// <item><c>prometheus</c>: <see cref="Url"/> (the Prometheus server) and <see cref="Query"/> (PromQL, an instant query whose
/// first sample is the period's datapoint).</item>
/// <item><c>external</c>: no fields; the state is set through the API or the Alertmanager webhook.</item>
/// </list>
/// </summary>
public sealed record AlarmMetric(
    string? Source,
    string? TargetGroupName = null,
    string? Pool = null,
    string? MetricName = null,
    string? Url = null,
    string? Query = null);

/// <summary>
/// PutMetricAlarm (CloudWatch's names). On update, fields left out keep their value (<see cref="Metric"/> is replaced as a whole).
/// Statistic: <c>Average</c>, <c>Sum</c>, <c>Maximum</c>, <c>Minimum</c>, <c>SampleCount</c>, and <c>p50</c>/<c>p90</c>/<c>p99</c> for
/// TargetResponseTime. Period: seconds (at least 1). ComparisonOperator: <c>GreaterThanThreshold</c>,
/// <c>GreaterThanOrEqualToThreshold</c>, <c>LessThanThreshold</c>, <c>LessThanOrEqualToThreshold</c>. TreatMissingData:
/// <c>missing</c> (default), <c>notBreaching</c>, <c>breaching</c>, <c>ignore</c>. AlertName: the Alertmanager alert
/// (<c>labels.alertname</c>) that sets this alarm; by default an external alarm answers to its own name.
/// </summary>
public sealed record AlarmInput(
    string? AlarmName = null,
    string? AlarmDescription = null,
    AlarmMetric? Metric = null,
    string? Statistic = null,
    int? Period = null,
    string? ComparisonOperator = null,
    double? Threshold = null,
    int? EvaluationPeriods = null,
    int? DatapointsToAlarm = null,
    string? TreatMissingData = null,
    string? AlertName = null);

/// <summary>One period's value; null when the period had no data.</summary>
public sealed record AlarmDatapoint(DateTimeOffset Timestamp, double? Value);

/// <summary>
/// An alarm and its state. StateValue: <c>OK</c>, <c>ALARM</c> or <c>INSUFFICIENT_DATA</c>; StateReason says why (the last
/// change's reason); LastEvaluation is the newest evaluation's reason and datapoints (evaluated alarms only).
/// The rule's fields are null for external alarms.
/// </summary>
public sealed record AlarmInfo(
    string AlarmName,
    string? AlarmDescription,
    AlarmMetric Metric,
    string? Statistic,
    int? Period,
    string? ComparisonOperator,
    double? Threshold,
    int? EvaluationPeriods,
    int? DatapointsToAlarm,
    string? TreatMissingData,
    string? AlertName,
    string StateValue,
    string StateReason,
    DateTimeOffset StateUpdatedTimestamp,
    DateTimeOffset CreatedTime,
    AlarmEvaluationInfo? LastEvaluation = null);

/// <summary>An evaluation: when, its verdict's reason, the datapoints looked at (oldest first), and whether the source failed.</summary>
public sealed record AlarmEvaluationInfo(DateTimeOffset Timestamp, string Reason, IReadOnlyList<AlarmDatapoint> Datapoints, string? PollError = null);

/// <summary>A state change: from, to, why, and the datapoints and threshold of that evaluation (none for a state set through the API).</summary>
public sealed record AlarmHistoryItem(
    DateTimeOffset Timestamp,
    string OldStateValue,
    string NewStateValue,
    string Reason,
    IReadOnlyList<AlarmDatapoint> Datapoints,
    double? Threshold);

/// <summary>SetAlarmState: the state lasts until the alarm's next evaluation (for ever for an external alarm).</summary>
public sealed record SetAlarmStateInput(string? StateValue, string? StateReason = null);

/// <summary>Alertmanager's webhook body (version 4); only the fields Greenlight reads.</summary>
public sealed record AlertmanagerWebhook(string? Version = null, string? Status = null, string? Receiver = null, IReadOnlyList<AlertmanagerAlert>? Alerts = null);

/// <summary>One alert of a webhook: Status <c>firing</c> or <c>resolved</c>, Labels with <c>alertname</c>.</summary>
public sealed record AlertmanagerAlert(
    string? Status = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyDictionary<string, string>? Annotations = null,
    DateTimeOffset? StartsAt = null,
    DateTimeOffset? EndsAt = null,
    string? Fingerprint = null);

/// <summary>What a webhook call changed: the alarms it set (name and new state) and how many alerts matched no alarm.</summary>
public sealed record AlertmanagerWebhookResult(IReadOnlyList<AlarmStateChange> Alarms, int Unmatched);

public sealed record AlarmStateChange(string AlarmName, string StateValue);
