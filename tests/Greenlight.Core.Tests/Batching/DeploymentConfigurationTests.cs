using Greenlight.Core.Batching;

namespace Greenlight.Core.Tests.Batching;

public sealed class DeploymentConfigurationTests
{
    [Fact]
    public void Default_IsOneAtATime() =>
        Assert.Same(DeploymentConfiguration.OneAtATime, DeploymentConfiguration.Default);

    [Theory]
    [InlineData("CodeDeployDefault.OneAtATime", true, "FLEET_PERCENT:99")]
    [InlineData("CodeDeployDefault.HalfAtATime", false, "FLEET_PERCENT:50")]
    [InlineData("CodeDeployDefault.AllAtOnce", false, "HOST_COUNT:0")]
    public void Lookup_PredefinedName_ReturnsIt(string name, bool oneAtATime, string minimum)
    {
        var result = DeploymentConfiguration.Lookup(name);

        Assert.True(result.IsValid);
        Assert.Equal(name, result.Configuration.Name);
        Assert.Equal(oneAtATime, result.Configuration.IsOneAtATime);
        Assert.Equal(minimum, result.Configuration.MinimumHealthyHosts.ToString());
        Assert.True(result.Configuration.IsPredefined);
    }

    [Theory]
    [InlineData("codedeploydefault.oneatatime")]
    [InlineData("CodeDeployDefault.AllAtonce")]
    [InlineData("OneAtATime")]
    [InlineData("")]
    public void Lookup_UnknownOrWrongCase_FailsListingKnownNames(string name)
    {
        var result = DeploymentConfiguration.Lookup(name);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ConfigurationErrorCode.UnknownName, error.Code);
        Assert.Contains("CodeDeployDefault.OneAtATime, CodeDeployDefault.HalfAtATime, CodeDeployDefault.AllAtOnce", error.Message);
    }

    [Fact]
    public void Lookup_CustomName_FindsItAmongCustom()
    {
        var custom = Configs.Custom(MinimumHealthyHosts.HostCount(6));

        var result = DeploymentConfiguration.Lookup("Test.Custom", [custom]);

        Assert.Same(custom, result.Configuration);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("Web.Fleet_75+=,@-")]
    [InlineData("codedeploydefault.Mine")]
    public void Custom_ValidName_IsAccepted(string name) =>
        Assert.True(DeploymentConfiguration.Custom(name, MinimumHealthyHosts.FleetPercent(75)).IsValid);

    [Fact]
    public void Custom_HundredCharacterName_IsAccepted() =>
        Assert.True(DeploymentConfiguration.Custom(new string('x', 100), MinimumHealthyHosts.HostCount(0)).IsValid);

    [Theory]
    [InlineData("", ConfigurationErrorCode.NameLength)]
    [InlineData("has space", ConfigurationErrorCode.NameCharacters)]
    [InlineData("slash/", ConfigurationErrorCode.NameCharacters)]
    [InlineData("ünï", ConfigurationErrorCode.NameCharacters)]
    [InlineData("CodeDeployDefault.Mine", ConfigurationErrorCode.NameReservedPrefix)]
    public void Custom_BadName_FailsWithCode(string name, ConfigurationErrorCode code)
    {
        var result = DeploymentConfiguration.Custom(name, MinimumHealthyHosts.HostCount(1));

        Assert.False(result.IsValid);
        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Custom_TooLongName_FailsWithNameLength() =>
        Assert.Equal(ConfigurationErrorCode.NameLength,
            Assert.Single(DeploymentConfiguration.Custom(new string('x', 101), MinimumHealthyHosts.HostCount(0)).Errors).Code);

    [Theory]
    [InlineData(MinimumHealthyHostsType.HostCount, -1, ConfigurationErrorCode.HostCountOutOfRange)]
    [InlineData(MinimumHealthyHostsType.FleetPercent, -1, ConfigurationErrorCode.FleetPercentOutOfRange)]
    [InlineData(MinimumHealthyHostsType.FleetPercent, 100, ConfigurationErrorCode.FleetPercentOutOfRange)]
    public void Custom_ValueOutOfRange_FailsWithCode(MinimumHealthyHostsType type, int value, ConfigurationErrorCode code) =>
        Assert.Equal(code, Assert.Single(DeploymentConfiguration.Custom("ok", new MinimumHealthyHosts(type, value)).Errors).Code);

    [Theory]
    [InlineData(MinimumHealthyHostsType.HostCount, 0)]
    [InlineData(MinimumHealthyHostsType.HostCount, 1000)]
    [InlineData(MinimumHealthyHostsType.FleetPercent, 0)]
    [InlineData(MinimumHealthyHostsType.FleetPercent, 99)]
    public void Custom_ValueInRange_IsAccepted(MinimumHealthyHostsType type, int value) =>
        Assert.True(DeploymentConfiguration.Custom("ok", new MinimumHealthyHosts(type, value)).IsValid);

    [Fact]
    public void Custom_SeveralProblems_ReportsEveryError()
    {
        var result = DeploymentConfiguration.Custom("CodeDeployDefault.bad name", MinimumHealthyHosts.FleetPercent(100));

        Assert.Equal(
            [ConfigurationErrorCode.NameCharacters, ConfigurationErrorCode.NameReservedPrefix, ConfigurationErrorCode.FleetPercentOutOfRange],
            result.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData("HOST_COUNT:6", MinimumHealthyHostsType.HostCount, 6)]
    [InlineData("FLEET_PERCENT:40", MinimumHealthyHostsType.FleetPercent, 40)]
    [InlineData("HOST_COUNT:0", MinimumHealthyHostsType.HostCount, 0)]
    public void Parse_WellFormed_Reads(string text, MinimumHealthyHostsType type, int value)
    {
        Assert.Equal(new MinimumHealthyHosts(type, value), MinimumHealthyHostsParser.Parse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("HOST_COUNT", ConfigurationErrorCode.MalformedMinimumHealthyHosts)]
    [InlineData("host_count:3", ConfigurationErrorCode.MalformedMinimumHealthyHosts)]
    [InlineData("HOST_COUNT:x", ConfigurationErrorCode.MalformedMinimumHealthyHosts)]
    [InlineData("HOST_COUNT:1:2", ConfigurationErrorCode.MalformedMinimumHealthyHosts)]
    [InlineData("PERCENT:5", ConfigurationErrorCode.MalformedMinimumHealthyHosts)]
    [InlineData("HOST_COUNT:-1", ConfigurationErrorCode.HostCountOutOfRange)]
    [InlineData("FLEET_PERCENT:100", ConfigurationErrorCode.FleetPercentOutOfRange)]
    public void Parse_Bad_ReturnsError(string text, ConfigurationErrorCode code)
    {
        Assert.Null(MinimumHealthyHostsParser.Parse(text, out var error));
        Assert.Equal(code, error?.Code);
    }
}
