using Greenlight.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Fleet;

/// <summary>
/// Keeps every scaling group at its desired capacity: reconciles each group every tick (one second; 200 ms in the test
/// profile) and at once when poked. At shutdown it stops the local instances' processes, so nothing is left running;
/// they are replaced at the next start (their agents are gone, so they are unhealthy).
/// </summary>
public sealed class FleetController(IGreenlightStore store, FleetReconciler reconciler, IEnumerable<IFleetProvider> providers, FleetSignal signal,
    FleetSettings settings, ILogger<FleetController> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await ReconcileAllAsync(stoppingToken);
            try
            {
                await signal.WaitAsync(settings.ReconcileInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over every group. A failure (the database is away) is logged and retried at the next tick; it never stops the server.</summary>
    public async Task ReconcileAllAsync(CancellationToken ct)
    {
        IReadOnlyList<StoredResource> groups;
        try
        {
            groups = await store.ListResourcesAsync(ResourceKinds.AutoScalingGroup, null, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            FleetLog.ListFailed(logger, e);
            return;
        }

        foreach (var group in groups)
        {
            try
            {
                await reconciler.ReconcileAsync(group.Key, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                FleetLog.ReconcileFailed(logger, e, group.Key);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var provider in providers)
        {
            try
            {
                await provider.StopAllAsync(cancellationToken);
            }
            catch (Exception e)
            {
                FleetLog.StopFailed(logger, e);
            }
        }
    }
}
