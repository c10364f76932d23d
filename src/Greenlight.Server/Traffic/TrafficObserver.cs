using Greenlight.Core.Deployments;
using Greenlight.Core.Lifecycle;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.LoadBalancer.Status;
using Greenlight.Server.Deployments;
using Greenlight.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Traffic;

/// <summary>
/// Tells deployments what the load balancer sees. Wakes when a target changes state and on a tick (200 ms in the test
/// profile, else 1 s). For an instance whose latest event is AllowTraffic in progress: TargetHealthChanged(true) once it
/// is registered and healthy in every target group of its deployment group (at once when there are none),
/// TargetHealthChanged(false) when one reports it unhealthy. For BlockTraffic in progress: TargetDrained once no target
/// group holds it, draining or not. The tick also reconciles scaling group attachments (<see cref="TargetGroupAttachments"/>).
/// Stale observations are rejected by the engine, which is harmless.
/// </summary>
public sealed class TrafficObserver(
    IGreenlightStore store,
    DeploymentEngine engine,
    DeploymentFactory factory,
    TrafficState state,
    ServerOptions options,
    TimeProvider time,
    ILogger<TrafficObserver> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly HashSet<string> _told = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tick = options.TestProfile ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(1);
        state.Runtime.TargetChanged += OnTargetChanged;
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
                    TrafficLog.ObserverFailed(logger, e);
                }

                await _wake.WaitAsync(tick, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            state.Runtime.TargetChanged -= OnTargetChanged;
        }
    }

    /// <summary>One pass: attachments, then every active deployment's instances waiting on traffic.</summary>
    public async Task PassAsync(CancellationToken ct)
    {
        if (await TargetGroupAttachments.ReconcileAsync(store, time, logger, ct))
        {
            await state.ApplyAsync(ct);
        }

        var running = state.Runtime.Targets();
        foreach (var id in await store.ActiveDeploymentsAsync(ct))
        {
            if (await store.GetDeploymentAsync(id, ct) is not { } record)
            {
                continue;
            }

            var deployment = EngineJson.ReadState(record.StateJson);
            var waiting = deployment.Instances.Where(i => i.Events.LastOrDefault() is { Status: EventStatus.InProgress, Event: LifecycleEvent.AllowTraffic or LifecycleEvent.BlockTraffic }
                || IsShiftingOnto(deployment, i)).ToList();
            if (waiting.Count == 0)
            {
                continue;
            }

            var names = await factory.GroupAsync(record.Application, record.DeploymentGroup, ct) is { } group ? TargetGroupUsers.Names(group) : [];
            var docs = new List<TargetGroupDocument?>();
            foreach (var name in names)
            {
                docs.Add(await TrafficStore.TargetGroupAsync(store, name, ct) is var (doc, _) ? doc : null);
            }

            foreach (var instance in waiting)
            {
                if (Verdict(instance, names, docs, running) is { } observation)
                {
                    await TellAsync(id, instance, observation, ct);
                }
            }
        }
    }

    /// <summary>A green instance already taking traffic while the shift goes on: its health gates the next step.</summary>
    private static bool IsShiftingOnto(DeploymentState deployment, InstanceState instance) =>
        deployment.Phase == DeploymentPhase.ShiftingTraffic && instance is { Role: InstanceRole.Replacement, Status: InstanceStatus.Succeeded };

    /// <summary>
    /// What to tell the deployment about the instance now, or null (nothing to say yet). A green instance during the shift
    /// (its events done) is reported unhealthy when a target group finds it so, and healthy again once every group does.
    /// </summary>
    public static Observation? Verdict(InstanceState instance, IReadOnlyList<string> names, IReadOnlyList<TargetGroupDocument?> docs, IReadOnlyList<TargetStatus> running)
    {
        var id = instance.InstanceId;
        if (instance.Status == InstanceStatus.Succeeded)
        {
            var held = instance.Diagnostics is not null;
            return HealthVerdict(id, names, docs, running) switch
            {
                TargetHealthChanged { Healthy: false } unhealthy when !held => unhealthy,
                TargetHealthChanged { Healthy: true } healthy when held => healthy,
                _ => null,
            };
        }

        if (instance.Events[^1].Event == LifecycleEvent.BlockTraffic)
        {
            var gone = docs.All(d => d is null || d.Find(id) is null) && !running.Any(t => t.Id == id && names.Contains(t.TargetGroup));
            return gone ? new TargetDrained(id) : null;
        }

        return HealthVerdict(id, names, docs, running);
    }

    private static TargetHealthChanged? HealthVerdict(string id, IReadOnlyList<string> names, IReadOnlyList<TargetGroupDocument?> docs, IReadOnlyList<TargetStatus> running)
    {
        if (names.Count == 0)
        {
            return new TargetHealthChanged(id, true);
        }

        var states = names.Select((name, i) => docs[i]?.Find(id) is null
            ? (TargetState?)null
            : running.FirstOrDefault(t => t.TargetGroup == name && t.Id == id && t.State != TargetState.Draining)?.State).ToList();
        if (states.Contains(TargetState.Unhealthy))
        {
            return new TargetHealthChanged(id, false);
        }

        return states.All(s => s == TargetState.Healthy) ? new TargetHealthChanged(id, true) : null;
    }

    private async Task TellAsync(string deploymentId, InstanceState instance, Observation observation, CancellationToken ct)
    {
        // The machine ignores repeats, but each one is a store round trip: say each thing once per event attempt (and,
        // for green's health during the shift, once per change of what the deployment knows).
        var said = $"{deploymentId}/{instance.InstanceId}/{instance.Events.Length}/{instance.Attempt}/{instance.Diagnostics?.ErrorCode}/{observation}";
        if (_told.Contains(said))
        {
            return;
        }

        var result = await engine.ObserveAsync(deploymentId, observation, ct);
        if (_told.Count > 10_000)
        {
            _told.Clear();
        }

        _told.Add(said);
        TrafficLog.Observed(logger, deploymentId, instance.InstanceId, observation.GetType().Name + (observation is TargetHealthChanged h ? (h.Healthy ? " healthy" : " unhealthy") : ""),
            result.Applied ? "applied" : result.Rejection?.ToString() ?? "not found");
    }

    private void OnTargetChanged(TargetEvent change)
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
