using System.CommandLine;
using System.Globalization;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Options;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Alarms;

/// <summary>
/// The definition options of <c>alarm create</c> and <c>update</c> and the AlarmInput they make. Create needs a source and,
/// for an evaluated alarm, the rule; update sends only what was given (a source option replaces the whole metric).
/// </summary>
internal sealed class AlarmOptions
{
    public Option<string> Source { get; } = Choices.Only(new Option<string>("--source")
    {
        Description = "Where the datapoints come from: lb (the load balancer's traffic of a target group), prometheus (an instant query), " +
                      "or external (set with set-state or by Alertmanager's webhook).",
        HelpName = "lb|prometheus|external",
    }, "lb", "prometheus", "external");

    public Option<string> TargetGroup { get; } = new("--target-group") { Description = "--source lb: the target group whose traffic counts.", HelpName = "NAME" };

    public Option<string> Pool { get; } = Choices.Only(new Option<string>("--pool")
    {
        Description = "--source lb: only the targets in this pool now (green: a blue/green deployment's replacement fleet). Default: every target.",
        HelpName = "blue|green",
    }, "blue", "green");

    public Option<string> Metric { get; } = Choices.Only(new Option<string>("--metric")
    {
        Description = "--source lb: HTTPCode_Target_5XX_Rate (percent of requests), HTTPCode_Target_5XX_Count, TargetResponseTime (seconds), " +
                      "UnHealthyHostCount or RequestCount.",
        HelpName = "NAME",
    }, "HTTPCode_Target_5XX_Rate", "HTTPCode_Target_5XX_Count", "TargetResponseTime", "UnHealthyHostCount", "RequestCount");

    public Option<string> Url { get; } = new("--url") { Description = "--source prometheus: the Prometheus server, e.g. http://127.0.0.1:9090.", HelpName = "URL" };

    public Option<string> Query { get; } = new("--query") { Description = "--source prometheus: the PromQL expression; its first sample is the period's value.", HelpName = "PROMQL" };

    public Option<string> Statistic { get; } = new("--statistic")
    {
        Description = "Average, Sum, Maximum, Minimum, SampleCount; p50, p90, p99 for TargetResponseTime (default: the metric's usual one).",
        HelpName = "STAT",
    };

    public Option<double?> Period { get; } = FineDuration.Create("--period", "The length of one datapoint, whole seconds (e.g. 1s, 10s, 1m).", TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));

    public Option<double?> Threshold { get; } = new("--threshold") { Description = "The value the datapoints are compared with.", HelpName = "NUMBER" };

    public Option<string> Comparison { get; } = Choices.Only(new Option<string>("--comparison")
    {
        Description = "gt, ge, lt or le: how a datapoint breaches (gt: above the threshold).",
        HelpName = "gt|ge|lt|le",
    }, "gt", "ge", "lt", "le");

    public Option<int?> EvaluationPeriods { get; } = CountOption.Create("--evaluation-periods", "N: how many recent periods are evaluated (1-100).");

    public Option<int?> DatapointsToAlarm { get; } = CountOption.Create("--datapoints-to-alarm", "M: how many of the N must breach for ALARM (default N).");

    public Option<string> Missing { get; } = Choices.Only(new Option<string>("--missing")
    {
        Description = "How periods without data count: missing (default), notBreaching, breaching or ignore (CloudWatch's treatMissingData).",
        HelpName = "TREATMENT",
    }, "missing", "notBreaching", "breaching", "ignore");

    public Option<string> AlertName { get; } = new("--alert-name")
    {
        Description = "The Alertmanager alert (labels.alertname) that sets this alarm; by default an external alarm answers to its own name.",
        HelpName = "NAME",
    };

    public Option<string> Description { get; } = new("--description") { Description = "A note for people.", HelpName = "TEXT" };

    /// <summary>The options, in the order help lists them.</summary>
    public IEnumerable<Option> All => [Source, TargetGroup, Pool, Metric, Url, Query, Statistic, Period, Threshold, Comparison, EvaluationPeriods, DatapointsToAlarm, Missing, AlertName, Description];

    /// <summary>The input (name null on update: it is in the path); the metric only when <c>--source</c> was given.</summary>
    public AlarmInput Input(ApiCall call, string? name)
    {
        var period = call.Get(Period);
        if (period is { } seconds && seconds != Math.Floor(seconds))
        {
            throw new UsageException($"--period {seconds.ToString(CultureInfo.InvariantCulture)}s must be whole seconds");
        }

        return new AlarmInput(
            name,
            call.Get(Description),
            MetricOf(call),
            call.Get(Statistic),
            period is { } p ? (int)p : null,
            WireComparison(call.Get(Comparison)),
            call.Get(Threshold),
            call.Get(EvaluationPeriods),
            call.Get(DatapointsToAlarm),
            call.Get(Missing),
            call.Get(AlertName));
    }

    /// <summary><c>gt</c> as CloudWatch spells it (<c>GreaterThanThreshold</c>).</summary>
    public static string? WireComparison(string? comparison) => comparison switch
    {
        "gt" => "GreaterThanThreshold",
        "ge" => "GreaterThanOrEqualToThreshold",
        "lt" => "LessThanThreshold",
        "le" => "LessThanOrEqualToThreshold",
        _ => null,
    };

    /// <summary>CloudWatch's comparison as a symbol: <c>GreaterThanThreshold</c> is <c>&gt;</c>.</summary>
    public static string Symbol(string? comparison) => comparison switch
    {
        "GreaterThanThreshold" => ">",
        "GreaterThanOrEqualToThreshold" => ">=",
        "LessThanThreshold" => "<",
        "LessThanOrEqualToThreshold" => "<=",
        _ => comparison ?? "?",
    };

    private AlarmMetric? MetricOf(ApiCall call)
    {
        var source = call.Get(Source);
        var lbOnly = new Option[] { TargetGroup, Pool, Metric };
        var promOnly = new Option[] { Url, Query };
        if (source is null)
        {
            return lbOnly.Concat(promOnly).FirstOrDefault(call.Has) is { } stray
                ? throw new UsageException($"{stray.Name} needs --source (the metric is replaced as a whole: give --source and its options)")
                : null;
        }

        if (source != "lb" && lbOnly.FirstOrDefault(call.Has) is { } notLb)
        {
            throw new UsageException($"{notLb.Name} applies to --source lb only");
        }

        if (source != "prometheus" && promOnly.FirstOrDefault(call.Has) is { } notProm)
        {
            throw new UsageException($"{notProm.Name} applies to --source prometheus only");
        }

        return source switch
        {
            "lb" => new AlarmMetric("loadBalancer", Required(call, TargetGroup), call.Get(Pool), Required(call, Metric)),
            "prometheus" => new AlarmMetric("prometheus", Url: Required(call, Url), Query: Required(call, Query)),
            _ => new AlarmMetric("external"),
        };
    }

    private static string Required(ApiCall call, Option<string> option) =>
        call.Get(option) ?? throw new UsageException($"{option.Name} is required with this --source");
}
