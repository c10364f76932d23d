using Greenlight.Core.AppSpec;

namespace Greenlight.Core.Tests.AppSpec;

/// <summary>How plain scalars read under YAML 1.1, as the agent's Ruby parser reads them.</summary>
public sealed class Yaml11Tests
{
    [Theory]
    [InlineData("0.0", 0.0)]
    [InlineData("0", 0.0)]
    [InlineData("0.", 0.0)]
    [InlineData("0.00", 0.0)]
    [InlineData("-0.0", 0.0)]
    [InlineData("0644", 420.0)]
    [InlineData("0x1F", 31.0)]
    [InlineData("0b101", 5.0)]
    [InlineData("1_000", 1000.0)]
    [InlineData("12.7", 12.7)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1.0.0", null)]
    [InlineData("5m", null)]
    [InlineData("089", null)]
    [InlineData(".", null)]
    [InlineData("", null)]
    public void ReadNumber_PlainScalar_Yaml11Value(string text, double? expected) => Assert.Equal(expected, Yaml11.ReadNumber(text));

    [Theory]
    [InlineData("yes", true)]
    [InlineData("True", true)]
    [InlineData("on", true)]
    [InlineData("no", false)]
    [InlineData("OFF", false)]
    [InlineData("y", null)]
    [InlineData("1", null)]
    public void ReadBoolean_PlainScalar_Yaml11Value(string text, bool? expected) => Assert.Equal(expected, Yaml11.ReadBoolean(text));
}
