using Greenlight.Server.Api;

namespace Greenlight.Server.Tests.Api;

public sealed class NamesTests
{
    [Theory]
    [InlineData("web", true)]
    [InlineData("a.b_c+d=e,f@g-h", true)]
    [InlineData("web\n", false)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    public void Check_Name_AcceptsOnlyCodeDeploysCharacters(string name, bool valid) =>
        Assert.Equal(valid, Names.Check("applicationName", name) is null);
}
