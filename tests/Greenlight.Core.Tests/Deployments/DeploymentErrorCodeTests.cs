using Greenlight.Core.Deployments;

namespace Greenlight.Core.Tests.Deployments;

public sealed class DeploymentErrorCodeTests
{
    [Theory]
    [InlineData(DeploymentErrorCode.HealthConstraints, "HEALTH_CONSTRAINTS")]
    [InlineData(DeploymentErrorCode.HealthConstraintsInvalid, "HEALTH_CONSTRAINTS_INVALID")]
    [InlineData(DeploymentErrorCode.NoInstances, "NO_INSTANCES")]
    [InlineData(DeploymentErrorCode.Timeout, "TIMEOUT")]
    [InlineData(DeploymentErrorCode.AlarmActive, "ALARM_ACTIVE")]
    [InlineData(DeploymentErrorCode.ManualStop, "MANUAL_STOP")]
    [InlineData(DeploymentErrorCode.DeploymentGroupMissing, "DEPLOYMENT_GROUP_MISSING")]
    [InlineData(DeploymentErrorCode.RevisionMissing, "REVISION_MISSING")]
    [InlineData(DeploymentErrorCode.AgentIssue, "AGENT_ISSUE")]
    [InlineData(DeploymentErrorCode.AutoScalingConfiguration, "AUTO_SCALING_CONFIGURATION")]
    [InlineData(DeploymentErrorCode.AutoscalingValidationError, "AUTOSCALING_VALIDATION_ERROR")]
    [InlineData(DeploymentErrorCode.OverMaxInstances, "OVER_MAX_INSTANCES")]
    [InlineData(DeploymentErrorCode.InternalError, "INTERNAL_ERROR")]
    [InlineData(DeploymentErrorCode.ResourceLimitExceeded, "RESOURCE_LIMIT_EXCEEDED")]
    [InlineData(DeploymentErrorCode.CodeDeployResourceCannotBeFound, "CODEDEPLOY_RESOURCE_CANNOT_BE_FOUND")]
    [InlineData(DeploymentErrorCode.CloudFormationStackFailure, "CLOUDFORMATION_STACK_FAILURE")]
    public void ToWireName_KnownCodes_MatchCodeDeploy(DeploymentErrorCode code, string wire)
    {
        Assert.Equal(wire, code.ToWireName());
        Assert.True(DeploymentErrorCodes.TryParseWireName(wire, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Fact]
    public void ToWireName_EveryMember_RoundTripsAndIsUnique()
    {
        var all = Enum.GetValues<DeploymentErrorCode>();

        Assert.Equal(all.Length, all.Select(c => c.ToWireName()).Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, c => Assert.True(DeploymentErrorCodes.TryParseWireName(c.ToWireName(), out var p) && p == c));
    }

    [Theory]
    [InlineData("health_constraints")]
    [InlineData("HealthConstraints")]
    [InlineData("")]
    public void TryParseWireName_NotAWireName_False(string text) =>
        Assert.False(DeploymentErrorCodes.TryParseWireName(text, out _));
}
