using Greenlight.Engine.Storage;

namespace Greenlight.Server.Fleet;

/// <summary>Records a hook's answer on a waiting instance (from a deployment's CompleteLifecycleAction, or at once when there is nothing to run) and wakes the controller.</summary>
public sealed class HookAnswers(IGreenlightStore store, FleetSignal signal, TimeProvider time)
{
    public async Task CompleteAsync(string autoScalingGroup, string instanceId, string hook, bool proceed, CancellationToken ct)
    {
        await AutoScalingGroupStore.UpdateAsync(store, autoScalingGroup, doc => LifecycleActions.Complete(doc, instanceId, hook, proceed).Next,
            new AuditEntry(time.GetUtcNow(), "fleet", "CompleteLifecycleAction", autoScalingGroup, $"{hook} {instanceId} {(proceed ? "CONTINUE" : "ABANDON")}"), ct);
        signal.Poke();
    }
}
