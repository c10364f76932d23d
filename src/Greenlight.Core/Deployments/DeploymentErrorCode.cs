namespace Greenlight.Core.Deployments;
// TEMPORARY: replaced by the batching branch at merge.
public enum DeploymentErrorCode { HealthConstraints, HealthConstraintsInvalid, NoInstances, Timeout, AlarmActive, ManualStop, AgentIssue, AutoScalingConfiguration, InternalError }
