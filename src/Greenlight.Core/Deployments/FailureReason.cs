namespace Greenlight.Core.Deployments;

/// <summary>Why a deployment failed or stopped: a stable error code and a message for people.</summary>
public sealed record FailureReason(DeploymentErrorCode Code, string Message);
