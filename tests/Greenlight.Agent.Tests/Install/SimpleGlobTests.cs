using Greenlight.Agent.Install;

namespace Greenlight.Agent.Tests.Install;

public sealed class SimpleGlobTests
{
    [Theory]
    [InlineData("run.sh", "*.sh", true)]
    [InlineData("bin/deep.sh", "*.sh", false)]
    [InlineData("bin/deep.sh", "**", true)]
    [InlineData("a.txt", "?.txt", true)]
    [InlineData("ab.txt", "?.txt", false)]
    [InlineData("x.js", "*.{js,css}", true)]
    [InlineData("x.css", "*.{js,css}", true)]
    [InlineData("x.html", "*.{js,css}", false)]
    [InlineData("a+b.txt", "a+b.txt", true)]
    [InlineData("{x", "{x", true)]
    public void Matches_Cases_AsTheAgent(string name, string glob, bool expected) =>
        Assert.Equal(expected, SimpleGlob.Matches(name, glob));
}
