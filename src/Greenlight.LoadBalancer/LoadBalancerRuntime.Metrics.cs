using Greenlight.LoadBalancer.Metrics;
using Greenlight.LoadBalancer.Status;

namespace Greenlight.LoadBalancer;

// Metrics: one meter per target group and per target (kept 15 minutes after its last traffic once the target is gone).
public sealed partial class LoadBalancerRuntime
{
    private readonly Dictionary<string, TrafficMeter> _groupMeters = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Group, string Id), TrafficMeter> _targetMeters = [];

    /// <summary>Traffic of a group (or one of its targets) in [from, to), from per-second buckets kept for 15 minutes.</summary>
    /// <remarks>
    /// A second counts when it overlaps the window. The group's figures include the 503s the load balancer answered itself
    /// for want of a healthy target (as requests and 5xx responses); a target's figures are its own. Unknown group or
    /// target: all zero.
    /// </remarks>
    public MetricsWindow Metrics(string targetGroup, string? targetId, DateTimeOffset from, DateTimeOffset to)
    {
        TrafficMeter? meter;
        lock (_lock)
        {
            meter = targetId is null ? _groupMeters.GetValueOrDefault(targetGroup) : _targetMeters.GetValueOrDefault((targetGroup, targetId));
        }

        return meter?.Window(from, to) ?? TrafficMeter.ToWindow(new long[TrafficField.Count]);
    }

    /// <summary>Every metric in Prometheus' text exposition format (version 0.0.4).</summary>
    public void WritePrometheus(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var groups = new List<PrometheusGroup>();
        var targets = new List<PrometheusTarget>();
        lock (_lock)
        {
            foreach (var (name, meter) in _groupMeters)
            {
                groups.Add(new PrometheusGroup(name, meter, _groups.TryGetValue(name, out var group) ? group.Config.GreenWeight : null));
            }

            var registered = new Dictionary<(string, string), Targets.TargetRuntime>();
            foreach (var group in _groups.Values)
            {
                foreach (var target in group.Targets.Values)
                {
                    registered[(group.Name, target.Id)] = target;
                }
            }

            foreach (var target in _draining)
            {
                registered.TryAdd((target.GroupName, target.Id), target);
            }

            foreach (var ((group, id), meter) in _targetMeters)
            {
                var target = registered.GetValueOrDefault((group, id));
                targets.Add(new PrometheusTarget(group, id, meter, target is null ? null : target.Reported == TargetState.Healthy, target?.InFlight ?? 0));
            }
        }

        PrometheusWriter.Write(writer, groups, targets);
    }

    private TrafficMeter GroupMeterLocked(string group)
    {
        if (!_groupMeters.TryGetValue(group, out var meter))
        {
            meter = new TrafficMeter(_time);
            _groupMeters.Add(group, meter);
        }

        return meter;
    }

    private TrafficMeter TargetMeterLocked(string group, string id)
    {
        if (!_targetMeters.TryGetValue((group, id), out var meter))
        {
            meter = new TrafficMeter(_time);
            _targetMeters.Add((group, id), meter);
        }

        return meter;
    }

    /// <summary>Forgets the meters of targets and groups gone for longer than the window kept (15 minutes) since their last traffic.</summary>
    private void PruneMetersLocked()
    {
        var oldest = _time.GetUtcNow().ToUnixTimeSeconds() - SecondBuckets.Seconds;
        foreach (var (key, meter) in _targetMeters.ToList())
        {
            if (meter.LastSecond < oldest && !IsKnownLocked(key.Group, key.Id))
            {
                _targetMeters.Remove(key);
            }
        }

        foreach (var (name, meter) in _groupMeters.ToList())
        {
            if (meter.LastSecond < oldest && !_groups.ContainsKey(name) && !_draining.Exists(t => t.GroupName == name))
            {
                _groupMeters.Remove(name);
            }
        }
    }

    private bool IsKnownLocked(string group, string id) =>
        (_groups.TryGetValue(group, out var runtime) && runtime.Targets.ContainsKey(id)) || _draining.Exists(t => t.GroupName == group && t.Id == id);
}
