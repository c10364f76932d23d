namespace Greenlight.Contracts.V1;

/// <summary>minimumHealthyHosts: type HOST_COUNT | FLEET_PERCENT.</summary>
public sealed record MinimumHealthyHosts(string? Type, int? Value);

public sealed record CreateDeploymentConfigInput(string? DeploymentConfigName, MinimumHealthyHosts? MinimumHealthyHosts, string? ComputePlatform = "Server");

/// <summary>DeploymentConfigInfo.</summary>
public sealed record DeploymentConfigInfo(string DeploymentConfigId, string DeploymentConfigName, MinimumHealthyHosts MinimumHealthyHosts, DateTimeOffset CreateTime, string ComputePlatform);
