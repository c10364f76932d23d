using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Fleet;

internal static partial class FleetLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Auto scaling group {Group}: {Description} ({Cause})")]
    public static partial void Activity(ILogger logger, string group, string description, string cause);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Auto scaling group {Group}: launching {InstanceId} failed: {Problem}")]
    public static partial void LaunchFailed(ILogger logger, string group, string instanceId, string problem);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Auto scaling group {Group}: reconciling failed; trying again at the next tick")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception, string group);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Auto scaling group {Group}: no fleet provider '{Provider}' in this server")]
    public static partial void NoProvider(ILogger logger, string group, string provider);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Instance {InstanceId}: {Kind} deployment {DeploymentId} of {Revision} for {Application}/{DeploymentGroup}")]
    public static partial void ScalingDeployment(ILogger logger, string instanceId, string kind, string deploymentId, string revision, string application, string deploymentGroup);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Instance {InstanceId}: cannot start the {Kind} deployment for {Application}/{DeploymentGroup}: {Problem}")]
    public static partial void ScalingDeploymentRefused(ILogger logger, string instanceId, string kind, string application, string deploymentGroup, string problem);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Warning, Message = "Cannot list auto scaling groups; trying again at the next tick")]
    public static partial void ListFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Error, Message = "Stopping local instances at shutdown failed")]
    public static partial void StopFailed(ILogger logger, Exception exception);
}
