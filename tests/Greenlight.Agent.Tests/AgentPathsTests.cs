namespace Greenlight.Agent.Tests;

public sealed class AgentPathsTests
{
    [Fact]
    public void Archive_GroupAndDeployment_IsUnderTheDeploymentRoot() =>
        Assert.Equal("/r/g-1/d-1/deployment-archive", AgentPaths.Archive("/r", "g-1", "d-1"));
}
