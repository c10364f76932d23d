using System.Collections.Immutable;
using Greenlight.Contracts.V1;
using Greenlight.Core.Alarms;
using Greenlight.Engine.Storage;
using Greenlight.Server.Hosting;
using Greenlight.Server.Traffic;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Alarms;

/// <summary>
/// Evaluates the alarms that have a source. Periods are aligned on the Unix epoch (a 60 s period ends at every full minute);
/// the loop wakes just after each second boundary (and every 200 ms in the test profile, else 1 s, whichever is sooner), and an
/// alarm whose period ended since its last evaluation is evaluated then: a load balancer alarm inline, from the runtime's
/// per-second windows (one read per period, the last evaluation range of periods); a Prometheus alarm on its own task (one
/// instant query at the period's end, at most one in flight per alarm), its values kept in the document. A change of state is
/// stored with a history item and told to the watching deployments at once (<see cref="AlarmStates"/>); a source that
/// cannot be read is told as AlarmPollFailed. Each pass ends by telling deployments that started since what they watch.
/// </summary>
public sealed class AlarmEvaluatorService(
    IGreenlightStore store,
    TrafficState traffic,
    PrometheusSource prometheus,
    AlarmStates states,
    AlarmFeed feed,
    AlarmEvaluations evaluations,
    ServerOptions options,
    TimeProvider time,
    ILogger<AlarmEvaluatorService> logger) : BackgroundService
{
    /// <summary>How long after a second boundary the loop wakes: requests finishing right at the boundary are counted by then.</summary>
    public static readonly TimeSpan BoundarySlack = TimeSpan.FromMilliseconds(15);

    /// <summary>How often sampled values are written to the store when the state does not change.</summary>
    private static readonly TimeSpan PersistEvery = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, Task> _queries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _persisted = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tick = options.TestProfile ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(1);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await PassAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    AlarmLog.PassFailed(logger, e);
                }

                var now = time.GetUtcNow();
                var toBoundary = TimeSpan.FromMilliseconds(1000 - (now.ToUnixTimeMilliseconds() % 1000)) + BoundarySlack;
                await Task.Delay(toBoundary < tick ? toBoundary : tick, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        Task[] running;
        lock (_lock)
        {
            running = [.. _queries.Values];
        }

        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>One pass: every alarm whose period ended is evaluated (Prometheus ones started), then the catch-up of deployments.</summary>
    public async Task PassAsync(CancellationToken ct)
    {
        var alarms = await AlarmStore.ListAsync(store, ct);
        var now = time.GetUtcNow();
        foreach (var doc in alarms.Where(a => !a.IsExternal))
        {
            var period = doc.Alarm.Period ?? 1;
            var end = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / period * period);
            if (!evaluations.Claim(doc.Name, end))
            {
                continue;
            }

            if (doc.Alarm.Metric.Source == AlarmVocabulary.Prometheus)
            {
                StartQuery(doc, end, ct);
                continue;
            }

            try
            {
                await EvaluateLoadBalancerAsync(doc, end, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                AlarmLog.EvaluationFailed(logger, e, doc.Name);
            }
        }

        var current = (await AlarmStore.ListAsync(store, ct)).ToDictionary(a => a.Name, a => (AlarmVocabulary.State(a.Alarm.StateValue), a.Alarm.StateReason), StringComparer.Ordinal);
        await feed.CatchUpAsync(current, ct);
    }

    /// <summary>How many periods an evaluation reads: CloudWatch's evaluation range (evaluationPeriods + 2), within 15 minutes for load balancer metrics.</summary>
    public static int PeriodsRead(AlarmInfo alarm)
    {
        var range = (alarm.EvaluationPeriods ?? 1) + AlarmRule.ExtraRangePeriods;
        return alarm.Metric.Source == AlarmVocabulary.LoadBalancer ? Math.Max(alarm.EvaluationPeriods ?? 1, Math.Min(range, 900 / (alarm.Period ?? 1))) : range;
    }

    private async Task EvaluateLoadBalancerAsync(AlarmDocument doc, DateTimeOffset end, CancellationToken ct)
    {
        var alarm = doc.Alarm;
        var period = TimeSpan.FromSeconds(alarm.Period ?? 1);
        var count = PeriodsRead(alarm);
        List<Datapoint> datapoints;
        if (alarm.Metric.MetricName == AlarmVocabulary.UnhealthyHosts)
        {
            var sample = new AlarmDatapoint(end - period, LoadBalancerSource.UnhealthyNow(traffic.Runtime, alarm.Metric));
            var samples = Keep([.. evaluations.Samples(doc.Name), sample], end, period, count);
            evaluations.SetSamples(doc.Name, samples);
            datapoints = Periods(samples, end, period, count);
        }
        else
        {
            datapoints = [.. Enumerable.Range(0, count).Reverse().Select(k =>
            {
                var from = end - (period * (k + 1));
                return new Datapoint(from, LoadBalancerSource.Value(traffic.Runtime, alarm, from, from + period));
            })];
        }

        await ConcludeAsync(doc, end, datapoints, null, ct);
    }

    private void StartQuery(AlarmDocument doc, DateTimeOffset end, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_queries.TryGetValue(doc.Name, out var running) && !running.IsCompleted)
            {
                return;
            }

            _queries[doc.Name] = Task.Run(() => QueryAsync(doc, end, ct), CancellationToken.None);
        }
    }

    private async Task QueryAsync(AlarmDocument doc, DateTimeOffset end, CancellationToken ct)
    {
        try
        {
            var (value, error) = await prometheus.QueryAsync(doc.Alarm.Metric, end, ct);
            if (error is not null)
            {
                AlarmLog.PollFailed(logger, doc.Name, error);
                evaluations.Record(doc.Name, new AlarmEvaluationInfo(time.GetUtcNow(), "the source could not be read", [], error));
                await feed.PollFailedAsync(doc.Name, error, ct);
                return;
            }

            feed.PollSucceeded(doc.Name);
            var period = TimeSpan.FromSeconds(doc.Alarm.Period ?? 1);
            var count = PeriodsRead(doc.Alarm);
            var samples = Keep([.. doc.Recent, new AlarmDatapoint(end - period, value)], end, period, count);
            await ConcludeAsync(doc, end, Periods(samples, end, period, count), samples, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AlarmLog.EvaluationFailed(logger, e, doc.Name);
        }
    }

    /// <summary>Evaluates, remembers the evaluation, and stores a change of state (with the sampled values when given).</summary>
    private async Task ConcludeAsync(AlarmDocument doc, DateTimeOffset end, List<Datapoint> datapoints, IReadOnlyList<AlarmDatapoint>? samples, CancellationToken ct)
    {
        var alarm = doc.Alarm;
        var current = AlarmVocabulary.State(alarm.StateValue);
        var evaluation = AlarmEvaluator.Evaluate(AlarmVocabulary.Rule(alarm), datapoints, current);
        var shown = ToInfo(evaluation.Datapoints);
        evaluations.Record(doc.Name, new AlarmEvaluationInfo(time.GetUtcNow(), evaluation.Reason, shown));
        var persist = samples is not null && Due(doc.Name, end);
        if (evaluation.State == current && !persist)
        {
            return;
        }

        Func<AlarmDocument, AlarmDocument>? also = samples is null ? null : d => d with { Recent = samples };
        var audit = new AuditEntry(time.GetUtcNow(), "alarm evaluator", evaluation.State == current ? "RecordAlarmDatapoints" : "SetAlarmState", doc.Name,
            evaluation.State == current ? "" : AlarmVocabulary.StateText(evaluation.State));
        await states.SetAsync(doc.Name, AlarmVocabulary.StateText(evaluation.State), evaluation.Reason, shown, alarm.Threshold, also, audit, ct);
        lock (_lock)
        {
            _persisted[doc.Name] = end;
        }
    }

    private bool Due(string alarm, DateTimeOffset end)
    {
        lock (_lock)
        {
            return !_persisted.TryGetValue(alarm, out var last) || end - last >= PersistEvery;
        }
    }

    /// <summary>The newest <paramref name="count"/> periods ending at <paramref name="end"/>, oldest first; a period with no sample is missing.</summary>
    public static List<Datapoint> Periods(IReadOnlyList<AlarmDatapoint> samples, DateTimeOffset end, TimeSpan period, int count)
    {
        var byStart = new Dictionary<DateTimeOffset, double?>();
        foreach (var sample in samples)
        {
            byStart[sample.Timestamp] = sample.Value;
        }

        return [.. Enumerable.Range(0, count).Reverse().Select(k =>
        {
            var from = end - (period * (k + 1));
            return new Datapoint(from, byStart.GetValueOrDefault(from));
        })];
    }

    /// <summary>The samples within the last <paramref name="count"/> periods, the newest of a period winning.</summary>
    private static IReadOnlyList<AlarmDatapoint> Keep(IReadOnlyList<AlarmDatapoint> samples, DateTimeOffset end, TimeSpan period, int count) =>
        [.. samples.Where(s => s.Timestamp >= end - (period * count) && s.Timestamp < end).Reverse().DistinctBy(s => s.Timestamp).OrderBy(s => s.Timestamp)];

    private static IReadOnlyList<AlarmDatapoint> ToInfo(ImmutableArray<Datapoint> datapoints) => [.. datapoints.Select(d => new AlarmDatapoint(d.PeriodStart, d.Value))];
}
