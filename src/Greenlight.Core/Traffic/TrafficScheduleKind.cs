namespace Greenlight.Core.Traffic;

/// <summary>How a blue/green deployment moves traffic to green (CodeDeploy's Lambda/ECS names, kept).</summary>
public enum TrafficScheduleKind
{
    AllAtOnce,
    TimeBasedCanary,
    TimeBasedLinear,
    Steps,
}
