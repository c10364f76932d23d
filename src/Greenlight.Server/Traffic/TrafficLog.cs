using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Traffic;

internal static partial class TrafficLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Load balancing applied: {Listeners} listener(s), {TargetGroups} target group(s)")]
    public static partial void Applied(ILogger logger, int listeners, int targetGroups);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Load balancer {LoadBalancer}: listener {Address} could not start: {Error}")]
    public static partial void ListenerFailed(ILogger logger, string loadBalancer, string address, string error);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Error, Message = "Restoring load balancing at startup failed; the observer tries again")]
    public static partial void StartupApplyFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Information, Message = "Deployment {DeploymentId}: {Command} {InstanceId} in target group(s) {TargetGroups}")]
    public static partial void TargetCommand(ILogger logger, string deploymentId, string command, string instanceId, string targetGroups);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Information, Message = "Deployment {DeploymentId}: green weight {GreenWeight} in target group(s) {TargetGroups}")]
    public static partial void Weights(ILogger logger, string deploymentId, int greenWeight, string targetGroups);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Warning, Message = "Deployment {DeploymentId}: {Problem}; the command does nothing")]
    public static partial void CommandSkipped(ILogger logger, string deploymentId, string problem);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Information, Message = "Deployment {DeploymentId}: instance {InstanceId} reported {Observation} ({Outcome})")]
    public static partial void Observed(ILogger logger, string deploymentId, string instanceId, string observation, string outcome);

    [LoggerMessage(EventId = 7108, Level = LogLevel.Error, Message = "Traffic observer pass failed; trying again at the next tick")]
    public static partial void ObserverFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7109, Level = LogLevel.Information, Message = "Target group {TargetGroup}: scaling group {AutoScalingGroup} {Change} instance {InstanceId}")]
    public static partial void Attachment(ILogger logger, string targetGroup, string autoScalingGroup, string change, string instanceId);

    [LoggerMessage(EventId = 7110, Level = LogLevel.Warning, Message = "Load balancer {LoadBalancer}: a listener failed to start, so the change was undone: {Problem}")]
    public static partial void ChangeUndone(ILogger logger, string loadBalancer, string problem);
}
