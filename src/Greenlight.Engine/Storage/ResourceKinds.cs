namespace Greenlight.Engine.Storage;

/// <summary>The kinds of <see cref="StoredResource"/>. Keys are unique within a kind (e.g. "app/group").</summary>
public static class ResourceKinds
{
    public const string Application = "application";
    public const string DeploymentGroup = "deployment-group";
    public const string DeploymentConfig = "deployment-config";
    public const string Instance = "instance";
    public const string AutoScalingGroup = "auto-scaling-group";
    public const string LaunchTemplate = "launch-template";
    public const string LoadBalancer = "load-balancer";
    public const string TargetGroup = "target-group";
    public const string Alarm = "alarm";
}
