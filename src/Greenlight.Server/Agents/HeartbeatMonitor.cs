using Greenlight.Core.Deployments;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.Server.Hosting;
using Microsoft.Extensions.Hosting;

namespace Greenlight.Server.Agents;

/// <summary>
/// Notices silent agents: an instance running an event of an active deployment whose agent has not polled or reported
/// within the heartbeat timeout (default 30 s) is reported lost to that deployment (InstanceLost), which counts it as
/// failed and moves on instead of waiting for the event's own deadline.
/// </summary>
public sealed class HeartbeatMonitor(IGreenlightStore store, DeploymentEngine engine, AgentPresence presence, ServerOptions options, TimeProvider time,
    Microsoft.Extensions.Logging.ILogger<HeartbeatMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromTicks(Math.Max(options.HeartbeatTimeout.Ticks / 4, TimeSpan.FromMilliseconds(100).Ticks));
        using var timer = new PeriodicTimer(period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away (a restart): check again at the next tick rather than stop the server.
                ServerLog.HeartbeatCheckFailed(logger, e);
            }
        }
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() - options.HeartbeatTimeout;
        foreach (var id in await store.ActiveDeploymentsAsync(cancellationToken))
        {
            if (await engine.LoadStateAsync(id, cancellationToken) is not { } state)
            {
                continue;
            }

            var silent = state.Instances.Where(i => i.Status == InstanceStatus.InProgress && i.CurrentStep?.RunBy != Core.Lifecycle.LifecycleStepRunner.Service
                                                    && presence.LastSeen(i.InstanceId) < deadline);
            foreach (var instance in silent.ToList())
            {
                var since = presence.LastSeen(instance.InstanceId);
                await engine.ObserveAsync(id, new InstanceLost(instance.InstanceId,
                    $"no word from its agent since {since:HH:mm:ss} (heartbeat timeout {options.HeartbeatTimeout.TotalSeconds:0} s)"), cancellationToken);
            }
        }
    }
}
