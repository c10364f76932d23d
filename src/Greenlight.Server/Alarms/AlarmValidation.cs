using System.Globalization;
using Greenlight.Contracts.V1;
using Greenlight.Server.Api;
using Greenlight.Server.Hosting;

namespace Greenlight.Server.Alarms;

/// <summary>Checks an alarm's definition; every problem names the field and what it may be.</summary>
public static class AlarmValidation
{
    public const string Code = "InvalidAlarmException";

    /// <summary>Null when <paramref name="input"/> (complete: a create, or an update merged onto the alarm) is valid.</summary>
    public static ApiError? Check(AlarmInput input, ServerOptions options)
    {
        if (Names.Check("alarmName", input.AlarmName) is { } badName)
        {
            return badName;
        }

        if (input.Metric is not { } metric)
        {
            return Invalid("metric is required: {\"source\":\"loadBalancer\"|\"prometheus\"|\"external\", ...}");
        }

        if (!AlarmVocabulary.Sources.Contains(metric.Source))
        {
            return Invalid($"metric.source '{metric.Source}' must be one of {string.Join(", ", AlarmVocabulary.Sources)}");
        }

        if (input.AlertName is { Length: 0 or > 255 })
        {
            return Invalid("alertName must be 1 to 255 characters");
        }

        return metric.Source switch
        {
            AlarmVocabulary.External => External(input),
            AlarmVocabulary.LoadBalancer => LoadBalancer(metric, input) ?? Rule(input) ?? Window(input),
            _ => Prometheus(metric, input, options) ?? Rule(input),
        };
    }

    /// <summary>The alarm as stored: defaults filled in (statistic, datapointsToAlarm, treatMissingData), nothing for an external alarm's rule.</summary>
    public static AlarmInfo Normalize(AlarmInput input, AlarmInfo? old, DateTimeOffset now)
    {
        var metric = input.Metric!;
        var external = metric.Source == AlarmVocabulary.External;
        var stored = metric.Source switch
        {
            AlarmVocabulary.LoadBalancer => new AlarmMetric(metric.Source, metric.TargetGroupName, metric.Pool, metric.MetricName),
            AlarmVocabulary.Prometheus => new AlarmMetric(metric.Source, Url: metric.Url!.TrimEnd('/'), Query: metric.Query),
            _ => new AlarmMetric(metric.Source),
        };
        var statistic = metric.Source == AlarmVocabulary.LoadBalancer ? input.Statistic ?? AlarmVocabulary.StatisticsOf(metric.MetricName!)[0] : input.Statistic;
        return new AlarmInfo(
            input.AlarmName!,
            input.AlarmDescription,
            stored,
            external ? null : statistic,
            external ? null : input.Period,
            external ? null : input.ComparisonOperator,
            external ? null : input.Threshold,
            external ? null : input.EvaluationPeriods,
            external ? null : input.DatapointsToAlarm ?? input.EvaluationPeriods,
            external ? null : input.TreatMissingData ?? "missing",
            input.AlertName,
            old?.StateValue ?? AlarmVocabulary.InsufficientData,
            old?.StateReason ?? (external ? "Created; set through the API or the Alertmanager webhook" : "Created; waiting for the first evaluation"),
            old?.StateUpdatedTimestamp ?? now,
            old?.CreatedTime ?? now);
    }

    /// <summary>An update: the fields given replace the alarm's (the metric as a whole).</summary>
    public static AlarmInput Merge(AlarmInfo old, AlarmInput update) => new(
        old.AlarmName,
        update.AlarmDescription ?? old.AlarmDescription,
        update.Metric ?? old.Metric,
        update.Statistic ?? (update.Metric is null || update.Metric.MetricName == old.Metric.MetricName ? old.Statistic : null),
        update.Period ?? old.Period,
        update.ComparisonOperator ?? old.ComparisonOperator,
        update.Threshold ?? old.Threshold,
        update.EvaluationPeriods ?? old.EvaluationPeriods,
        update.DatapointsToAlarm ?? (update.EvaluationPeriods is null ? old.DatapointsToAlarm : null),
        update.TreatMissingData ?? old.TreatMissingData,
        update.AlertName ?? old.AlertName);

    private static ApiError? External(AlarmInput input) =>
        input.Statistic is not null || input.Period is not null || input.Threshold is not null || input.EvaluationPeriods is not null
            ? Invalid("an external alarm has no rule: leave out statistic, period, threshold and evaluationPeriods (its state is set through PUT /alarms/{name}/state or the Alertmanager webhook)")
            : null;

    private static ApiError? LoadBalancer(AlarmMetric metric, AlarmInput input)
    {
        if (Names.Check("metric.targetGroupName", metric.TargetGroupName) is { } badGroup)
        {
            return Invalid(badGroup.Message);
        }

        if (metric.Pool is not (null or "blue" or "green"))
        {
            return Invalid($"metric.pool '{metric.Pool}' must be blue, green or left out (every target)");
        }

        if (!AlarmVocabulary.MetricNames.Contains(metric.MetricName))
        {
            return Invalid($"metric.metricName '{metric.MetricName}' must be one of {string.Join(", ", AlarmVocabulary.MetricNames)}");
        }

        var statistics = AlarmVocabulary.StatisticsOf(metric.MetricName!);
        return input.Statistic is not null && !statistics.Contains(input.Statistic)
            ? Invalid($"statistic '{input.Statistic}' is not offered by {metric.MetricName}: use {string.Join(", ", statistics)}")
            : null;
    }

    private static ApiError? Prometheus(AlarmMetric metric, AlarmInput input, ServerOptions options)
    {
        if (!Uri.TryCreate(metric.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return Invalid($"metric.url '{metric.Url}' must be the Prometheus server's absolute http or https URL, e.g. http://127.0.0.1:9090");
        }

        if (!MetricsHosts.IsAllowed(url, options))
        {
            return Invalid($"metric.url: the server does not query '{url.Host}' (only loopback): start it with --allow-metrics-host {url.Host} to allow it");
        }

        if (string.IsNullOrWhiteSpace(metric.Query) || metric.Query.Length > 4096)
        {
            return Invalid("metric.query must be a PromQL expression of 1 to 4096 characters");
        }

        return input.Statistic is not (null or "Average" or "Sum" or "Maximum" or "Minimum" or "SampleCount")
            ? Invalid($"statistic '{input.Statistic}' must be Average, Sum, Maximum, Minimum or SampleCount (a Prometheus query computes its own value; the statistic is only a label)")
            : null;
    }

    private static ApiError? Rule(AlarmInput input)
    {
        if (input.Period is not (>= 1 and <= 86_400))
        {
            return Invalid($"period {Text(input.Period)} must be from 1 to 86400 seconds");
        }

        if (!AlarmVocabulary.Comparisons.Contains(input.ComparisonOperator))
        {
            return Invalid($"comparisonOperator '{input.ComparisonOperator}' must be one of {string.Join(", ", AlarmVocabulary.Comparisons)}");
        }

        if (input.Threshold is not { } threshold || !double.IsFinite(threshold))
        {
            return Invalid("threshold is required (a finite number)");
        }

        if (input.EvaluationPeriods is not (>= 1 and <= 100))
        {
            return Invalid($"evaluationPeriods {Text(input.EvaluationPeriods)} must be from 1 to 100");
        }

        if (input.DatapointsToAlarm is { } m && (m < 1 || m > input.EvaluationPeriods))
        {
            return Invalid($"datapointsToAlarm {m} must be from 1 to evaluationPeriods ({input.EvaluationPeriods})");
        }

        if ((long)input.Period.Value * input.EvaluationPeriods.Value > 86_400)
        {
            return Invalid("period times evaluationPeriods must be at most 86400 seconds (one day)");
        }

        return input.TreatMissingData is not null && !AlarmVocabulary.MissingData.Contains(input.TreatMissingData)
            ? Invalid($"treatMissingData '{input.TreatMissingData}' must be one of {string.Join(", ", AlarmVocabulary.MissingData)}")
            : null;
    }

    /// <summary>The load balancer keeps 15 minutes of per-second traffic.</summary>
    private static ApiError? Window(AlarmInput input) =>
        input.Period!.Value * input.EvaluationPeriods!.Value > 900
            ? Invalid($"period times evaluationPeriods ({input.Period * input.EvaluationPeriods} s) must be at most 900 s for a loadBalancer metric: the load balancer keeps 15 minutes of traffic")
            : null;

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(missing)";

    private static ApiError Invalid(string message) => ApiErrors.Invalid(Code, message);
}
