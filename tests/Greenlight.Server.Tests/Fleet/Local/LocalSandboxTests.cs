using Greenlight.Server.Fleet.Local;

namespace Greenlight.Server.Tests.Fleet.Local;

public sealed class LocalSandboxTests
{
    [Fact]
    public void For_InstanceId_IsTheIdsDirectoryWithAgentAndRootInside()
    {
        var sandbox = LocalSandbox.For("/data/instances", "i-1");

        Assert.Equal("/data/instances/i-1", sandbox.Directory);
        Assert.Equal("/data/instances/i-1/agent/agent.credential", sandbox.CredentialPath);
        Assert.Equal("/data/instances/i-1/root", sandbox.InstanceRoot);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("../x")]
    public void For_IdThatIsNotOneDirectoryName_Throws(string id) =>
        Assert.Throws<ArgumentException>(() => LocalSandbox.For("/data/instances", id));
}
