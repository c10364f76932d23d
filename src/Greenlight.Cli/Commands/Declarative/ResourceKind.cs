using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>
/// A kind of resource a declarative file can hold: its <c>kind:</c> word, its place in the apply order (what it
/// depends on comes first), the API input whose fields its <c>spec:</c> takes, and the input field that carries its name.
/// </summary>
internal sealed record ResourceKind(string Name, int Order, Type Input, string NameField)
{
    public static readonly ResourceKind Application = new("Application", 0, typeof(CreateApplicationInput), "applicationName");
    public static readonly ResourceKind DeploymentConfig = new("DeploymentConfig", 1, typeof(CreateDeploymentConfigInput), "deploymentConfigName");
    public static readonly ResourceKind LaunchTemplate = new("LaunchTemplate", 2, typeof(CreateLaunchTemplateInput), "launchTemplateName");
    public static readonly ResourceKind TargetGroup = new("TargetGroup", 3, typeof(TargetGroupInput), "targetGroupName");
    public static readonly ResourceKind LoadBalancer = new("LoadBalancer", 4, typeof(LoadBalancerInput), "loadBalancerName");
    public static readonly ResourceKind Alarm = new("Alarm", 5, typeof(AlarmInput), "alarmName");
    public static readonly ResourceKind AutoScalingGroup = new("AutoScalingGroup", 6, typeof(CreateAutoScalingGroupInput), "autoScalingGroupName");
    public static readonly ResourceKind DeploymentGroup = new("DeploymentGroup", 7, typeof(DeploymentGroupInput), "deploymentGroupName");

    /// <summary>Every kind, in apply order.</summary>
    public static IReadOnlyList<ResourceKind> All { get; } =
        [Application, DeploymentConfig, LaunchTemplate, TargetGroup, LoadBalancer, Alarm, AutoScalingGroup, DeploymentGroup];

    /// <summary>The fields <c>spec:</c> takes: the input's, less the name (and a group's rename, which apply does not do).</summary>
    public SpecSchema Spec => SpecSchema.For(Input).Without(NameField, "newDeploymentGroupName");

    /// <summary>Whether documents of this kind name their application (<c>application:</c>).</summary>
    public bool HasApplication => this == DeploymentGroup;

    public static ResourceKind? Find(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
}
