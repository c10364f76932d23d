using Greenlight.Core.Deployments;

namespace Greenlight.Core.Tests.Deployments;

public sealed class DeploymentAdmissionTests
{
    [Theory]
    [InlineData(DeploymentKind.InPlace, "", true)]
    [InlineData(DeploymentKind.InPlace, "d-1:InPlace:InProgress", false)]
    [InlineData(DeploymentKind.BlueGreen, "d-1:BlueGreen:Ready", false)]
    [InlineData(DeploymentKind.InPlace, "d-1:InPlace:Baking", false)]
    [InlineData(DeploymentKind.InPlace, "d-1:InPlace:Created", false)]
    [InlineData(DeploymentKind.InPlace, "d-1:InPlace:Succeeded,d-2:BlueGreen:Stopped,d-3:InPlace:Failed", true)]
    [InlineData(DeploymentKind.AutoScalingLaunch, "d-1:InPlace:InProgress", true)]
    [InlineData(DeploymentKind.InPlace, "d-9:AutoScalingLaunch:InProgress", true)]
    [InlineData(DeploymentKind.BlueGreenRollback, "d-1:BlueGreen:InProgress", false)]
    public void Admit_GroupWithDeployments_AdmitsOnlyWhenNoneIsActive(DeploymentKind kind, string existing, bool admitted)
    {
        var deployments = existing.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Split(':'))
            .Select(p => new ActiveDeployment(p[0], Enum.Parse<DeploymentKind>(p[1]), Enum.Parse<DeploymentStatus>(p[2])));

        var rejection = DeploymentAdmission.Admit(kind, deployments);

        Assert.Equal(admitted, rejection is null);
        if (rejection is not null)
        {
            Assert.Equal(RejectionCode.DeploymentLimitExceeded, rejection.Code);
            Assert.StartsWith("deployment d-1 is", rejection.Message, StringComparison.Ordinal);
        }
    }
}
