using Greenlight.Core.AppSpec;

namespace Greenlight.Core.Tests.AppSpec;

/// <summary>Pins the worked examples in <see cref="BundlePath"/>'s doc comment.</summary>
public sealed class BundlePathTests
{
    [Theory]
    [InlineData("/", "")]
    [InlineData("\\", "")]
    [InlineData(".", "")]
    [InlineData("./", "")]
    [InlineData("/app", "app")]
    [InlineData("./app/", "app")]
    [InlineData("app", "app")]
    [InlineData("\\codedeploy\\start.ps1", "codedeploy/start.ps1")]
    [InlineData(".\\src", "src")]
    [InlineData("scripts/../start.sh", "start.sh")]
    [InlineData("a/./b//c", "a/b/c")]
    public void TryResolve_InsideBundle_BundleRelativePath(string path, string expected)
    {
        Assert.True(BundlePath.TryResolve(path, out var resolved));
        Assert.Equal(expected, resolved);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("scripts/../../x")]
    [InlineData("a\\..\\..\\x")]
    [InlineData("/../etc/passwd")]
    public void TryResolve_AboveRoot_Escapes(string path) => Assert.False(BundlePath.TryResolve(path, out _));

    [Theory]
    [InlineData("/opt/app", true)]
    [InlineData("C:\\app", true)]
    [InlineData("c:/app/", true)]
    [InlineData("\\\\server\\share", true)]
    [InlineData("scripts/test.py", false)]
    [InlineData("app", false)]
    public void IsAbsoluteDestination_Path_Expected(string path, bool expected) => Assert.Equal(expected, BundlePath.IsAbsoluteDestination(path));
}
