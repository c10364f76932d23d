using Greenlight.LoadBalancer.Health;

namespace Greenlight.LoadBalancer.Tests.Health;

public sealed class StatusMatcherTests
{
    [Theory]
    [InlineData("200", 200, true)]
    [InlineData("200", 201, false)]
    [InlineData("200,204", 204, true)]
    [InlineData("200,204", 201, false)]
    [InlineData("200-299", 200, true)]
    [InlineData("200-299", 250, true)]
    [InlineData("200-299", 299, true)]
    [InlineData("200-299", 300, false)]
    [InlineData("200-299", 199, false)]
    [InlineData("200, 300-302", 301, true)]
    [InlineData(" 200 ", 200, true)]
    [InlineData("abc", 200, false)]
    [InlineData("", 200, false)]
    [InlineData("299-200", 250, false)]
    public void Matches_Table_AsDocumented(string matcher, int status, bool expected)
    {
        Assert.Equal(expected, StatusMatcher.Matches(matcher, status));
    }
}
