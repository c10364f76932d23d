using Greenlight.Server.Api;
using Greenlight.Server.Fleet;

namespace Greenlight.Server.Tests.Fleet;

/// <summary>Green fleet names: derived from blue and the deployment, valid names, not growing from copy to copy.</summary>
public sealed class GreenFleetNamesTests
{
    [Theory]
    [InlineData("asg-web", "d-4F2K9QX1M", "asg-web-d-4F2K9QX1M")]
    [InlineData("asg-web-d-4F2K9QX1M", "d-7JD0PQ2ZA", "asg-web-d-7JD0PQ2ZA")]
    [InlineData("asg-web-d-short", "d-7JD0PQ2ZA", "asg-web-d-short-d-7JD0PQ2ZA")]
    public void For_BlueAndDeployment_IsTheBaseAndTheDeployment(string blue, string deployment, string expected) =>
        Assert.Equal(expected, GreenFleetNames.For(blue, deployment));

    [Fact]
    public void For_ALongBlueName_IsShortenedToAValidName()
    {
        var name = GreenFleetNames.For(new string('a', 100), "d-4F2K9QX1M");

        Assert.Equal(100, name.Length);
        Assert.EndsWith("-d-4F2K9QX1M", name, StringComparison.Ordinal);
        Assert.Null(Names.Check("autoScalingGroupName", name));
    }
}
