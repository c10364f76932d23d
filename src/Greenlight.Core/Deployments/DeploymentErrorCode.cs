namespace Greenlight.Core.Deployments;

/// <summary>
/// Why a deployment failed: CodeDeploy's <c>ErrorInformation.code</c> values (the API model's <c>ErrorCode</c> enum), in
/// PascalCase. The wire name (<c>HEALTH_CONSTRAINTS</c>) comes from <see cref="DeploymentErrorCodes.ToWireName"/>;
/// persist the wire name, not the number (members are in alphabetical order of wire name).
/// </summary>
public enum DeploymentErrorCode
{
    AgentIssue,
    AlarmActive,
    ApplicationMissing,
    AutoscalingValidationError,
    AutoScalingConfiguration,
    AutoScalingIamRolePermissions,
    CloudFormationStackFailure,
    CodeDeployResourceCannotBeFound,
    CustomerApplicationUnhealthy,
    DeploymentGroupMissing,
    EcsUpdateError,
    ElasticLoadBalancingInvalid,
    ElbInvalidInstance,
    HealthConstraints,
    HealthConstraintsInvalid,
    HookExecutionFailure,
    IamRoleMissing,
    IamRolePermissions,
    InternalError,
    InvalidEcsService,
    InvalidLambdaConfiguration,
    InvalidLambdaFunction,
    InvalidRevision,
    ManualStop,
    MissingBlueGreenDeploymentConfiguration,
    MissingElbInformation,
    MissingGitHubToken,
    NoEc2Subscription,
    NoInstances,
    OverMaxInstances,
    ResourceLimitExceeded,
    RevisionMissing,
    Throttled,
    Timeout,
}
