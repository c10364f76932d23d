using Greenlight.Core.Fleet;
using Greenlight.Server.Api;

namespace Greenlight.Server.Fleet;

/// <summary>
/// Answers a lifecycle hook for one waiting instance (CompleteLifecycleAction): from a user through the API, or from
/// the launch or termination deployment a deployment group ran. An answer to an instance no longer waiting on that hook
/// is refused (the hook timed out, or the instance moved on); answering twice with the same result is accepted.
/// </summary>
public static class LifecycleActions
{
    public static (AutoScalingGroupDocument? Next, ApiError? Problem) Complete(AutoScalingGroupDocument doc, string instanceId, string hook, bool proceed)
    {
        var instance = doc.State.Instances.FirstOrDefault(i => i.InstanceId == instanceId);
        if (instance is null)
        {
            return (null, ApiErrors.NotFound("ValidationError", $"instance '{instanceId}' is not in auto scaling group '{doc.Name}'"));
        }

        if (instance.State is not (LifecycleState.PendingWait or LifecycleState.TerminatingWait))
        {
            return (null, ApiErrors.Conflict("ValidationError",
                $"instance '{instanceId}' is {AutoScalingViews.StateName(instance.State)}, not waiting on lifecycle hook '{hook}'"));
        }

        if (instance.HookResults.TryGetValue(hook, out var given))
        {
            return given == proceed
                ? (null, null)
                : (null, ApiErrors.Conflict("ValidationError", $"lifecycle hook '{hook}' of instance '{instanceId}' was already answered {(given ? "CONTINUE" : "ABANDON")}"));
        }

        var updated = instance with { HookResults = instance.HookResults.SetItem(hook, proceed) };
        return (doc with { State = doc.State with { Instances = doc.State.Instances.Replace(instance, updated) } }, null);
    }
}
