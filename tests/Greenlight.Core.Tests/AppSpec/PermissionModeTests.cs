using Greenlight.Core.AppSpec;

namespace Greenlight.Core.Tests.AppSpec;

/// <summary>Pins the worked examples in <see cref="PermissionMode"/>'s doc comment.</summary>
public sealed class PermissionModeTests
{
    [Theory]
    [InlineData("644", true, "644", "644")]
    [InlineData("644", false, "644", "644")]
    [InlineData("0644", false, "0644", "0644")]
    [InlineData("1", true, "001", "001")]
    [InlineData("0644", true, "0644", "420")]
    [InlineData("0755", true, "0755", null)]
    [InlineData("0", true, "000", "000")]
    [InlineData("00", true, "000", "000")]
    [InlineData("0007", true, "0007", "007")]
    [InlineData("4755", true, "4755", "4755")]
    [InlineData("7777", true, "7777", "7777")]
    [InlineData("888", true, null, null)]
    [InlineData("u+x", false, null, null)]
    [InlineData("01777", true, null, "1023")]
    [InlineData("12345", true, null, null)]
    [InlineData("", false, null, null)]
    public void TryParse_WrittenMode_GreenlightAndCodeDeployReadings(string text, bool isPlain, string? greenlight, string? codeDeploy)
    {
        Assert.Equal(greenlight, PermissionMode.TryParse(text)?.Digits);
        Assert.Equal(codeDeploy, PermissionMode.AsCodeDeployReads(text, isPlain)?.Digits);
    }

    [Theory]
    [InlineData("644", 420)]
    [InlineData("755", 493)]
    [InlineData("4755", 2541)]
    [InlineData("1", 1)]
    public void TryParse_Digits_OctalValue(string text, int value) => Assert.Equal(value, PermissionMode.TryParse(text)!.Value);
}
