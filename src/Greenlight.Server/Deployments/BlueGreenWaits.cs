using Greenlight.Contracts.V1;

namespace Greenlight.Server.Deployments;

/// <summary>
/// The waits of a group's blueGreenDeploymentConfiguration as Core takes them: null for "no wait" (CONTINUE_DEPLOYMENT,
/// KEEP_ALIVE), else the time; the seconds extension wins over minutes, so tests need not wait whole minutes.
/// <code>
/// STOP_DEPLOYMENT, 5 min           → Ready 5m        CONTINUE_DEPLOYMENT → Ready null
/// TERMINATE, 60 min, 1.5 s         → Termination 1.5s   KEEP_ALIVE → Termination null
/// </code>
/// </summary>
public static class BlueGreenWaits
{
    public static TimeSpan? Ready(BlueGreenDeploymentConfiguration config) =>
        config.DeploymentReadyOption is { ActionOnTimeout: "STOP_DEPLOYMENT" } ready
            ? Of(ready.WaitTimeInMinutes, ready.WaitTimeInSeconds)
            : null;

    public static TimeSpan? Termination(BlueGreenDeploymentConfiguration config) =>
        (config.TerminateBlueInstancesOnDeploymentSuccess ?? new BlueInstanceTerminationOption()) is { Action: not "KEEP_ALIVE" } terminate
            ? Of(terminate.TerminationWaitTimeInMinutes, terminate.TerminationWaitTimeInSeconds)
            : null;

    private static TimeSpan Of(int? minutes, double? seconds) =>
        seconds is { } s ? TimeSpan.FromSeconds(s) : TimeSpan.FromMinutes(minutes ?? 0);
}
