namespace Greenlight.Core.Deployments;

public static partial class DeploymentMachine
{
    /// <summary>The diagnostics code a green instance carries while its health check fails during the shift.</summary>
    internal const string GreenUnhealthy = "GreenTargetUnhealthy";

    /// <summary>
    /// A green target's health while traffic shifts. An unhealthy green instance holds the schedule: the next step waits
    /// until every green target passes again, for at most the AllowTraffic timeout after the bake ended, then the
    /// deployment fails (and rolls back if configured). Repeats of the same verdict are stale.
    /// </summary>
    /// <remarks>
    /// Worked example (pinned by BlueGreenScenarioTests): canary:10:5m; at 2m green i-2 turns unhealthy; at 5m the bake
    /// is over but the weights stay 90/10; at 6m i-2 passes and the same decision moves to 0/100. Had it not passed by
    /// 5m + AllowTraffic timeout, the deployment would fail with CUSTOMER_APPLICATION_UNHEALTHY.
    /// </remarks>
    private static Rejection? OnGreenHealth(DecisionContext ctx, InstanceState green, bool healthy)
    {
        var failing = green.Diagnostics?.ErrorCode == GreenUnhealthy;
        if (healthy == !failing)
        {
            return new Rejection(RejectionCode.Stale, $"green instance {green.InstanceId} was already reported {(healthy ? "healthy" : "unhealthy")}");
        }

        ctx.Update(green with
        {
            Diagnostics = healthy ? null : new InstanceDiagnostics(GreenUnhealthy, "the load balancer's health check fails on this green target; the traffic shift waits for it"),
        });
        return null;
    }

    private static bool GreenIsHealthy(DeploymentState state) =>
        !state.Instances.Any(i => i.Role == InstanceRole.Replacement && i.Diagnostics?.ErrorCode == GreenUnhealthy);

    /// <summary>When a shift held by an unhealthy green target gives up: the AllowTraffic timeout after the bake ended.</summary>
    private static DateTimeOffset? GreenHealthDeadline(DeploymentState state, DateTimeOffset? bakeEnd) =>
        bakeEnd + state.Spec.Timeouts.AllowTraffic;
}
