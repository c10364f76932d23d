using Greenlight.Contracts.V1;
using Greenlight.Core.Deployments;
using Greenlight.Engine.Storage;
using ContractRollback = Greenlight.Contracts.V1.RollbackInfo;

namespace Greenlight.Server.Deployments;

/// <summary>Turns the stored Core state into the API's DeploymentInfo and deployment targets.</summary>
public static class DeploymentViews
{
    public static DeploymentInfo Info(DeploymentRecord record, DeploymentState state)
    {
        var spec = state.Spec;
        var count = (InstanceStatus s) => state.Instances.Count(i => i.Status == s);
        return new DeploymentInfo(
            record.Application,
            record.DeploymentGroup,
            spec.Configuration.Name,
            spec.DeploymentId,
            new RevisionLocation("Bundle", new BundleLocation(spec.Revision, "unknown")),
            state.Status.ToString(),
            state.Failure is { } f ? new ErrorInformation(f.Code.ToWireName(), f.Message) : null,
            record.CreatedAt,
            state.StartedAt,
            state.CompletedAt,
            new DeploymentOverview(count(InstanceStatus.Pending), count(InstanceStatus.InProgress), count(InstanceStatus.Succeeded),
                count(InstanceStatus.Failed), count(InstanceStatus.Skipped), count(InstanceStatus.Ready)),
            null,
            Creator(spec.Creator),
            spec.IgnoreApplicationStopFailures,
            new Contracts.V1.AutoRollbackConfiguration(spec.AutoRollback.Enabled, [.. spec.AutoRollback.Events.Select(EventName)]),
            state.Rollback is { } r ? new ContractRollback(r.RollbackDeploymentId, r.RollbackTriggeringDeploymentId, r.RollbackMessage) : null,
            new DeploymentStyle(spec.Kind is DeploymentKind.BlueGreen or DeploymentKind.BlueGreenRollback ? "BLUE_GREEN" : "IN_PLACE",
                spec.WithTrafficControl || spec.Kind is DeploymentKind.BlueGreen or DeploymentKind.BlueGreenRollback ? "WITH_TRAFFIC_CONTROL" : "WITHOUT_TRAFFIC_CONTROL"),
            state.Reason,
            state.Phase.ToString())
        {
            Traffic = Traffic(state),
        };
    }

    /// <summary>
    /// Blue/green: the weights in force, the step (1-based; 0 before the first) of the schedule's steps, and the schedule as
    /// text. A rollback shows its single step, all traffic back on blue.
    /// </summary>
    public static TrafficInfo? Traffic(DeploymentState state)
    {
        var traffic = state.Traffic;
        switch (state.Spec.Kind)
        {
            case DeploymentKind.BlueGreen when state.Spec.BlueGreen is { } blueGreen:
                var steps = blueGreen.Traffic.Steps();
                return new TrafficInfo(traffic.BlueWeight, traffic.GreenWeight, Math.Min(traffic.StepIndex + 1, steps.Length), steps.Length, TrafficText.Format(blueGreen.Traffic));
            case DeploymentKind.BlueGreenRollback:
                return new TrafficInfo(traffic.BlueWeight, traffic.GreenWeight, traffic.StepIndex < 0 ? 0 : 1, 1, "rollback");
            default:
                return null;
        }
    }

    public static DeploymentTarget Target(DeploymentState state, InstanceState instance) => new("InstanceTarget", new InstanceTarget(
        state.DeploymentId,
        instance.InstanceId,
        instance.Status.ToString(),
        [
            .. instance.Events.Select(e => new LifecycleEventInfo(
                e.Event.ToString(),
                e.Status == EventStatus.Failed && instance.Diagnostics is { } d ? new Diagnostics(d.ErrorCode, d.ScriptName, d.Message, d.LogTail) : null,
                e.StartedAt, e.EndedAt, e.Status.ToString())),
        ],
        instance.Role switch { InstanceRole.Original => "Blue", InstanceRole.Replacement => "Green", _ => null }));

    private static string Creator(DeploymentCreator creator) => creator switch
    {
        DeploymentCreator.User => "user",
        DeploymentCreator.AutoScaling => "autoscaling",
        DeploymentCreator.AutoScalingTermination => "autoscalingTermination",
        DeploymentCreator.Rollback => "codeDeployRollback",
        _ => "CodeDeployAutoUpdate",
    };

    private static string EventName(AutoRollbackEvent e) => e switch
    {
        AutoRollbackEvent.DeploymentFailure => "DEPLOYMENT_FAILURE",
        AutoRollbackEvent.DeploymentStopOnAlarm => "DEPLOYMENT_STOP_ON_ALARM",
        _ => "DEPLOYMENT_STOP_ON_REQUEST",
    };
}
