using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Greenlight.Core.Deployments;

/// <summary>Maps <see cref="DeploymentErrorCode"/> to and from CodeDeploy's wire names (<c>HEALTH_CONSTRAINTS</c>).</summary>
public static class DeploymentErrorCodes
{
    private static readonly FrozenDictionary<string, DeploymentErrorCode> ByWireName =
        Enum.GetValues<DeploymentErrorCode>().ToFrozenDictionary(ToWireName, StringComparer.Ordinal);

    /// <summary>The CodeDeploy wire name, e.g. <see cref="DeploymentErrorCode.HealthConstraints"/> → <c>HEALTH_CONSTRAINTS</c>.</summary>
    public static string ToWireName(this DeploymentErrorCode code) => code switch
    {
        DeploymentErrorCode.AgentIssue => "AGENT_ISSUE",
        DeploymentErrorCode.AlarmActive => "ALARM_ACTIVE",
        DeploymentErrorCode.ApplicationMissing => "APPLICATION_MISSING",
        DeploymentErrorCode.AutoscalingValidationError => "AUTOSCALING_VALIDATION_ERROR",
        DeploymentErrorCode.AutoScalingConfiguration => "AUTO_SCALING_CONFIGURATION",
        DeploymentErrorCode.AutoScalingIamRolePermissions => "AUTO_SCALING_IAM_ROLE_PERMISSIONS",
        DeploymentErrorCode.CloudFormationStackFailure => "CLOUDFORMATION_STACK_FAILURE",
        DeploymentErrorCode.CodeDeployResourceCannotBeFound => "CODEDEPLOY_RESOURCE_CANNOT_BE_FOUND",
        DeploymentErrorCode.CustomerApplicationUnhealthy => "CUSTOMER_APPLICATION_UNHEALTHY",
        DeploymentErrorCode.DeploymentGroupMissing => "DEPLOYMENT_GROUP_MISSING",
        DeploymentErrorCode.EcsUpdateError => "ECS_UPDATE_ERROR",
        DeploymentErrorCode.ElasticLoadBalancingInvalid => "ELASTIC_LOAD_BALANCING_INVALID",
        DeploymentErrorCode.ElbInvalidInstance => "ELB_INVALID_INSTANCE",
        DeploymentErrorCode.HealthConstraints => "HEALTH_CONSTRAINTS",
        DeploymentErrorCode.HealthConstraintsInvalid => "HEALTH_CONSTRAINTS_INVALID",
        DeploymentErrorCode.HookExecutionFailure => "HOOK_EXECUTION_FAILURE",
        DeploymentErrorCode.IamRoleMissing => "IAM_ROLE_MISSING",
        DeploymentErrorCode.IamRolePermissions => "IAM_ROLE_PERMISSIONS",
        DeploymentErrorCode.InternalError => "INTERNAL_ERROR",
        DeploymentErrorCode.InvalidEcsService => "INVALID_ECS_SERVICE",
        DeploymentErrorCode.InvalidLambdaConfiguration => "INVALID_LAMBDA_CONFIGURATION",
        DeploymentErrorCode.InvalidLambdaFunction => "INVALID_LAMBDA_FUNCTION",
        DeploymentErrorCode.InvalidRevision => "INVALID_REVISION",
        DeploymentErrorCode.ManualStop => "MANUAL_STOP",
        DeploymentErrorCode.MissingBlueGreenDeploymentConfiguration => "MISSING_BLUE_GREEN_DEPLOYMENT_CONFIGURATION",
        DeploymentErrorCode.MissingElbInformation => "MISSING_ELB_INFORMATION",
        DeploymentErrorCode.MissingGitHubToken => "MISSING_GITHUB_TOKEN",
        DeploymentErrorCode.NoEc2Subscription => "NO_EC2_SUBSCRIPTION",
        DeploymentErrorCode.NoInstances => "NO_INSTANCES",
        DeploymentErrorCode.OverMaxInstances => "OVER_MAX_INSTANCES",
        DeploymentErrorCode.ResourceLimitExceeded => "RESOURCE_LIMIT_EXCEEDED",
        DeploymentErrorCode.RevisionMissing => "REVISION_MISSING",
        DeploymentErrorCode.Throttled => "THROTTLED",
        DeploymentErrorCode.Timeout => "TIMEOUT",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a DeploymentErrorCode."),
    };

    /// <summary>Parses a wire name (case-sensitive, as AWS sends it).</summary>
    public static bool TryParseWireName(string wireName, [NotNullWhen(true)] out DeploymentErrorCode? code)
    {
        if (ByWireName.TryGetValue(wireName, out var found))
        {
            code = found;
            return true;
        }

        code = null;
        return false;
    }
}
