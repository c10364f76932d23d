using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Fleet;

internal static partial class GreenFleetLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Deployment {DeploymentId}: green fleet {Green} created from {Blue} (launch template version {Version}, {Count} instances)")]
    public static partial void Provisioning(ILogger logger, string deploymentId, string green, string blue, string version, int count);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Deployment {DeploymentId}: green fleet {Green} is in service: {Instances}")]
    public static partial void Provisioned(ILogger logger, string deploymentId, string green, string instances);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Deployment {DeploymentId}: green fleet failed: {Detail}")]
    public static partial void Failed(ILogger logger, string deploymentId, string detail);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "Deployment {DeploymentId}: terminating {Instances} of auto scaling group {Group} ({Reason})")]
    public static partial void Terminating(ILogger logger, string deploymentId, string group, string instances, string reason);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "Deployment {DeploymentId}: deleting auto scaling group {Group} with all its instances ({Reason})")]
    public static partial void DeletingGroup(ILogger logger, string deploymentId, string group, string reason);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Warning, Message = "Deployment {DeploymentId}: instance {InstanceId} belongs to no auto scaling group (a registered host): Greenlight cannot terminate it; left running")]
    public static partial void CannotTerminate(ILogger logger, string deploymentId, string instanceId);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Error, Message = "Watching green fleets failed; trying again at the next tick")]
    public static partial void WatchFailed(ILogger logger, Exception exception);
}
