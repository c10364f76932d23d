using Greenlight.LoadBalancer.Status;
using Microsoft.Extensions.Logging;

namespace Greenlight.LoadBalancer;

/// <summary>The load balancer's log messages (event ids 7001–7049).</summary>
internal static partial class LoadBalancerLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Listener {LoadBalancer} {Address} started on {BoundAddress} ({Scheme})")]
    public static partial void ListenerStarted(ILogger logger, string loadBalancer, string address, string boundAddress, string scheme);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Listener {LoadBalancer} {Address} could not start: {Error}")]
    public static partial void ListenerFailed(ILogger logger, string loadBalancer, string address, string error);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Listener {LoadBalancer} {Address} stopped")]
    public static partial void ListenerStopped(ILogger logger, string loadBalancer, string address);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Information, Message = "Target {TargetId} of {TargetGroup}: {From} -> {To} ({Reason})")]
    public static partial void TargetStateChanged(ILogger logger, string targetGroup, string targetId, TargetState? from, TargetState? to, string? reason);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Information, Message = "Target {TargetId} of {TargetGroup} drained: no request in flight")]
    public static partial void DrainEnded(ILogger logger, string targetGroup, string targetId);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Warning, Message = "Target {TargetId} of {TargetGroup}: deregistration delay of {Delay} passed with {InFlight} requests in flight; they are cut off")]
    public static partial void DrainTimedOut(ILogger logger, string targetGroup, string targetId, TimeSpan delay, int inFlight);

    [LoggerMessage(EventId = 7020, Level = LogLevel.Warning, Message = "A TargetChanged handler failed on {TargetGroup}/{TargetId}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string targetGroup, string targetId);

    [LoggerMessage(EventId = 7021, Level = LogLevel.Error, Message = "The health check loop of target {TargetId} of {TargetGroup} failed")]
    public static partial void HealthLoopFailed(ILogger logger, Exception exception, string targetGroup, string targetId);

    [LoggerMessage(EventId = 7022, Level = LogLevel.Warning, Message = "Listener {LoadBalancer} {Address} did not stop cleanly")]
    public static partial void ListenerStopFailed(ILogger logger, Exception exception, string loadBalancer, string address);
}
