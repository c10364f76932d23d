using System.Collections.Frozen;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Draining;
using Greenlight.LoadBalancer.Health;
using Greenlight.LoadBalancer.Routing;
using Greenlight.LoadBalancer.Status;
using Greenlight.LoadBalancer.Targets;

namespace Greenlight.LoadBalancer;

// Targets: registration, health, draining, and the routing snapshot built from them (all under _lock).
public sealed partial class LoadBalancerRuntime
{
    private readonly Dictionary<string, GroupRuntime> _groups = new(StringComparer.Ordinal);
    private readonly List<TargetRuntime> _draining = [];

    private void ApplyTargetGroupsLocked(LoadBalancingConfig config, List<Action> after)
    {
        var groupNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var groupConfig in config.TargetGroups)
        {
            if (!groupNames.Add(groupConfig.Name))
            {
                continue;
            }

            if (_groups.TryGetValue(groupConfig.Name, out var group))
            {
                group.Config = groupConfig;
            }
            else
            {
                group = new GroupRuntime(groupConfig, GroupMeterLocked(groupConfig.Name));
                _groups.Add(group.Name, group);
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var targetConfig in groupConfig.Targets)
            {
                if (ids.Add(targetConfig.Id))
                {
                    RegisterLocked(group, targetConfig, after);
                }
            }

            foreach (var target in group.Targets.Values.Where(t => !ids.Contains(t.Id)).ToList())
            {
                DrainLocked(target, groupConfig.DeregistrationDelay, after);
            }
        }

        foreach (var group in _groups.Values.Where(g => !groupNames.Contains(g.Name)).ToList())
        {
            foreach (var target in group.Targets.Values.ToList())
            {
                DrainLocked(target, group.Config.DeregistrationDelay, after);
            }

            _groups.Remove(group.Name);
        }
    }

    private void RegisterLocked(GroupRuntime group, TargetConfig config, List<Action> after)
    {
        if (group.Targets.TryGetValue(config.Id, out var existing))
        {
            if (existing.Matches(config))
            {
                existing.Pool = config.Pool;
                return;
            }

            DrainLocked(existing, group.Config.DeregistrationDelay, after);
        }

        var target = _draining.Find(t => t.GroupName == group.Name && t.Id == config.Id && t.Matches(config));
        if (target is not null)
        {
            // Registered again while draining: back to Initial, health-checked again; the drain's wait is dropped.
            _draining.Remove(target);
            target.StopDraining();
            target.DrainGeneration++;
            var wait = target.DrainWait;
            target.DrainWait = null;
            if (wait is not null)
            {
                after.Add(() => { wait.Cancel(); wait.Dispose(); });
            }

            target.Group = group;
            target.Health.Reset();
        }
        else
        {
            target = new TargetRuntime(group, config, TargetMeterLocked(group.Name, config.Id));
        }

        target.Pool = config.Pool;
        group.Targets.Add(config.Id, target);
        var loop = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        target.HealthLoop = loop;
        after.Add(() => _ = Task.Run(() => RunHealthLoopAsync(target, loop)));
    }

    private void DrainLocked(TargetRuntime target, TimeSpan delay, List<Action> after)
    {
        target.Group.Targets.Remove(target.Id);
        var loop = target.HealthLoop;
        target.HealthLoop = null;
        if (loop is not null)
        {
            after.Add(() => { loop.Cancel(); loop.Dispose(); });
        }

        var idle = target.StartDraining();
        var generation = ++target.DrainGeneration;
        var wait = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        target.DrainWait = wait;
        _draining.Add(target);
        after.Add(() => _ = Task.Run(() => WatchDrainAsync(target, idle, delay, generation, wait.Token)));
    }

    private async Task RunHealthLoopAsync(TargetRuntime target, CancellationTokenSource loop)
    {
        try
        {
            await _checker.RunAsync(target, OnHealthResult, loop.Token).ConfigureAwait(false);
        }
        catch (ObjectDisposedException) when (loop.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A broken loop is logged; the target then keeps its last state.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LoadBalancerLog.HealthLoopFailed(_logger, e, target.GroupName, target.Id);
        }
    }

    private void OnHealthResult(TargetRuntime target, HealthCheckResult result)
    {
        lock (_lock)
        {
            if (_disposed || target.Draining || !target.Group.Targets.TryGetValue(target.Id, out var current) || current != target)
            {
                return;
            }

            var settings = target.Group.Config.HealthCheck;
            if (target.Health.Record(result, settings.HealthyThreshold, settings.UnhealthyThreshold))
            {
                target.Meter.RecordHealthTransition();
                target.Group.Meter.RecordHealthTransition();
                RefreshLocked();
            }
            else if (target.Reported == TargetState.Unhealthy)
            {
                target.ReportedReason = target.Health.LastFailure;
            }
        }
    }

    private async Task WatchDrainAsync(TargetRuntime target, Task idle, TimeSpan delay, int generation, CancellationToken cancellationToken)
    {
        var outcome = await DrainWaiter.WaitAsync(idle, delay, _time, cancellationToken).ConfigureAwait(false);
        if (outcome is null)
        {
            return;
        }

        int inFlight;
        lock (_lock)
        {
            if (target.DrainGeneration != generation || !target.Draining || !_draining.Remove(target))
            {
                return;
            }

            inFlight = target.InFlight;
            target.DrainWait?.Dispose();
            target.DrainWait = null;
            var reason = outcome == DrainOutcome.Drained ? "Drained: no request in flight" : "DeregistrationDelayExpired";
            Enqueue(new TargetEvent(target.GroupName, target.Id, target.Reported, null, _time.GetUtcNow(), reason));
            target.Reported = null;
        }

        if (outcome == DrainOutcome.DelayExpired)
        {
            LoadBalancerLog.DrainTimedOut(_logger, target.GroupName, target.Id, delay, inFlight);
            target.CutOff();
        }
        else
        {
            LoadBalancerLog.DrainEnded(_logger, target.GroupName, target.Id);
        }
    }

    /// <summary>Reports every target's state (queuing an event for each change) and publishes a new routing snapshot.</summary>
    private void RefreshLocked()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var listener in _config.Listeners)
        {
            foreach (var forward in listener.Forward)
            {
                used.Add(forward.TargetGroup);
            }
        }

        var now = _time.GetUtcNow();
        var routes = new Dictionary<string, GroupRoute>(StringComparer.Ordinal);
        foreach (var group in _groups.Values)
        {
            var blue = new List<TargetRuntime>();
            var green = new List<TargetRuntime>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var targetConfig in group.Config.Targets)
            {
                if (!seen.Add(targetConfig.Id) || !group.Targets.TryGetValue(targetConfig.Id, out var target) || !target.Matches(targetConfig))
                {
                    continue;
                }

                var health = target.Health.State;
                if (used.Contains(group.Name))
                {
                    Report(target, health, health switch
                    {
                        TargetState.Initial => "RegistrationInProgress: waiting for the health checks to pass",
                        TargetState.Unhealthy => target.Health.LastFailure,
                        _ => null,
                    }, now);
                }
                else
                {
                    Report(target, TargetState.Unused, "NotInUse: no listener forwards to target group " + group.Name, now);
                }

                if (health == TargetState.Healthy)
                {
                    (target.Pool == TargetPool.Green ? green : blue).Add(target);
                }
            }

            routes[group.Name] = new GroupRoute(
                group.Name, group.Config.Algorithm, Math.Clamp(group.Config.GreenWeight, 0, 100), [.. blue], [.. green], group.Counter, group.Meter,
                group.NoHealthyTargetMessage);
        }

        foreach (var target in _draining)
        {
            Report(target, TargetState.Draining, "DeregistrationInProgress: finishing requests in flight", now);
        }

        var listeners = new Dictionary<string, ListenerRoute>(StringComparer.Ordinal);
        foreach (var listener in _config.Listeners)
        {
            var groups = new List<GroupRoute>();
            var weights = new List<int>();
            foreach (var forward in listener.Forward)
            {
                if (forward.Weight > 0 && routes.TryGetValue(forward.TargetGroup, out var route))
                {
                    groups.Add(route);
                    weights.Add(forward.Weight);
                }
            }

            listeners.TryAdd(ListenerKey.Of(listener), new ListenerRoute([.. groups], WeightedChoice.RunningSums(weights.ToArray())));
        }

        Publish(new RoutingSnapshot(listeners.ToFrozenDictionary(StringComparer.Ordinal)));
    }

    private void Report(TargetRuntime target, TargetState state, string? reason, DateTimeOffset now)
    {
        target.ReportedReason = reason;
        if (target.Reported == state)
        {
            return;
        }

        var from = target.Reported;
        target.Reported = state;
        target.Since = now;
        Enqueue(new TargetEvent(target.GroupName, target.Id, from, state, now, reason));
    }
}
