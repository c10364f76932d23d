namespace Greenlight.Bundles.Tests;

public sealed class BundleTypesTests
{
    [Theory]
    [InlineData("zip", BundleType.Zip)]
    [InlineData("tar", BundleType.Tar)]
    [InlineData("tgz", BundleType.Tgz)]
    [InlineData("tar.gz", BundleType.Tgz)]
    [InlineData("ZIP", BundleType.Zip)]
    [InlineData("Tar.Gz", BundleType.Tgz)]
    public void TryParse_KnownName_Type(string text, BundleType expected)
    {
        Assert.True(BundleTypes.TryParse(text, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("gz")]
    [InlineData("rar")]
    [InlineData("YAML")]
    [InlineData(" zip")]
    [InlineData("0")]
    [InlineData("Zip, Tar")]
    public void TryParse_Other_False(string? text) => Assert.False(BundleTypes.TryParse(text, out _));

    [Theory]
    [InlineData(BundleType.Zip, "zip")]
    [InlineData(BundleType.Tar, "tar")]
    [InlineData(BundleType.Tgz, "tgz")]
    public void ToName_EachType_LowerCaseNameThatParsesBack(BundleType type, string expected)
    {
        Assert.Equal(expected, type.ToName());
        Assert.True(BundleTypes.TryParse(type.ToName(), out var back));
        Assert.Equal(type, back);
    }

    [Fact]
    public void ToName_UndefinedValue_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => ((BundleType)42).ToName());
}
