using Greenlight.Cli.Commands.LoadBalancing;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Tests.Commands.LoadBalancing;

public sealed class TargetRefOptionTests
{
    [Fact]
    public void Parse_InstanceAlone_UsesTheGroupsPort()
    {
        Assert.Equal(new TargetRef("web-1"), TargetRefOption.Parse("web-1"));
    }

    [Fact]
    public void Parse_InstanceWithPort_OverridesThePort()
    {
        Assert.Equal(new TargetRef("web-1", 8081), TargetRefOption.Parse("web-1:8081"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(":80")]
    [InlineData("web-1:")]
    [InlineData("web-1:0")]
    [InlineData("web-1:65536")]
    [InlineData("web-1:http")]
    public void Parse_Malformed_IsNull(string text)
    {
        Assert.Null(TargetRefOption.Parse(text));
    }
}
