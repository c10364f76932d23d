using Greenlight.Core.Deployments;
using Greenlight.Core.Fleet;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Fleet;

/// <summary>
/// Reports on the green fleets deployments wait for (phase ProvisioningGreen), every fleet tick (one second; 200 ms in
/// the test profile): GreenFleetProvisioned once the green group has its count of InService instances, GreenFleetFailed
/// when its launches keep failing or there is nothing to copy. A report the deployment no longer waits for is refused
/// by the machine and changes nothing, so reporting twice is harmless.
/// </summary>
public sealed class GreenFleetWatcher(IGreenlightStore store, DeploymentEngine engine, FleetSettings settings, ILogger<GreenFleetWatcher> logger) : BackgroundService
{
    /// <summary>Failed launches in a row after which the green fleet counts as failed.</summary>
    public const int FailedLaunchesTolerated = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.ReconcileInterval);
        do
        {
            try
            {
                await CheckAllAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                GreenFleetLog.WatchFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One look at every deployment waiting for its green fleet.</summary>
    public async Task CheckAllAsync(CancellationToken ct)
    {
        foreach (var id in await store.ActiveDeploymentsAsync(ct))
        {
            if (await engine.LoadStateAsync(id, ct) is not { Phase: DeploymentPhase.ProvisioningGreen } state ||
                state.Spec.BlueGreen?.GreenFleet is not { IsExisting: false, AutoScalingGroup: { } blue } source)
            {
                continue;
            }

            var green = GreenFleetNames.For(blue, id);
            if (Verdict(await AutoScalingGroupStore.GetAsync(store, green, ct), await store.GetResourceAsync(ResourceKinds.AutoScalingGroup, blue, ct) is not null, source, blue)
                is not { } observation)
            {
                continue;
            }

            if (observation is GreenFleetProvisioned provisioned)
            {
                GreenFleetLog.Provisioned(logger, id, green, string.Join(", ", provisioned.InstanceIds));
            }
            else if (observation is GreenFleetFailed failed)
            {
                GreenFleetLog.Failed(logger, id, failed.Detail);
            }

            await engine.ObserveAsync(id, observation, ct);
        }
    }

    /// <summary>
    /// What to report about a green group: provisioned with its first <c>count</c> InService instances (by id), failed
    /// with the cause of its last failed launch, or nothing yet (null).
    /// </summary>
    public static Observation? Verdict((AutoScalingGroupDocument Document, long Version)? green, bool blueExists, GreenFleetSource source, string blue)
    {
        if (green is not var (doc, _))
        {
            return blueExists ? null : new GreenFleetFailed($"auto scaling group {blue} no longer exists: there is nothing to copy");
        }

        if (doc.Deleting)
        {
            return new GreenFleetFailed($"the green auto scaling group {doc.Name} is being deleted");
        }

        var inService = doc.State.Instances.Where(i => i.State == LifecycleState.InService).Select(i => i.InstanceId).Order(StringComparer.Ordinal).ToList();
        var count = Math.Max(1, source.Count);
        if (inService.Count >= count)
        {
            return new GreenFleetProvisioned([.. inService.Take(count)]);
        }

        if (doc.Activities.LastOrDefault(a => a.Description == "Cannot launch instances") is { } blocked)
        {
            return new GreenFleetFailed($"{doc.Name} cannot launch instances: {blocked.Cause}");
        }

        // One "launch failed" termination per failed instance; a provider's error is the better cause when there is one.
        var failed = doc.Activities.Count(a => a.Cause.StartsWith("launch failed:", StringComparison.Ordinal));
        var cause = doc.Activities.LastOrDefault(a => a.StatusCode == "Failed")?.Cause
                    ?? doc.Activities.LastOrDefault(a => a.Cause.StartsWith("launch failed:", StringComparison.Ordinal))?.Cause;
        return doc.State.ConsecutiveLaunchFailures >= FailedLaunchesTolerated || failed >= FailedLaunchesTolerated
            ? new GreenFleetFailed($"{doc.Name}: {Math.Max(failed, doc.State.ConsecutiveLaunchFailures)} launches failed; the last: {cause ?? "unknown cause"}")
            : null;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
