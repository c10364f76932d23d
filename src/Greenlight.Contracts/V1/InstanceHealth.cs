namespace Greenlight.Contracts.V1;

/// <summary>
/// An instance's health as the last deployment that attempted it left it (CodeDeploy's instance health): Healthy,
/// Unhealthy or Unknown (never deployed), with the revision it runs and that deployment.
/// </summary>
public sealed record InstanceHealthInfo(string Status, string? Revision, string? LastDeploymentId, DateTimeOffset? UpdatedAt)
{
    public const string Kind = "instance-health";

    public static InstanceHealthInfo Unknown { get; } = new("Unknown", null, null, null);
}
