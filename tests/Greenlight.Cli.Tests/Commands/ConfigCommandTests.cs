namespace Greenlight.Cli.Tests.Commands;

/// <summary><c>greenlight config</c> against a real server.</summary>
public sealed class ConfigCommandTests
{
    [Fact]
    public async Task Config_CreateGetListDelete_RoundTripsTheRule()
    {
        await using var cli = await ServerCli.StartAsync();

        var created = cli.Run("config", "create", "TwoAtATime", "--min-healthy", "HOST_COUNT:2");
        var get = cli.Run("config", "get", "TwoAtATime");
        var json = cli.Json("config", "get", "TwoAtATime");
        var list = cli.Run("config", "list");
        var listJson = cli.Json("config", "list");
        var deleted = cli.Run("config", "delete", "TwoAtATime");

        Assert.Equal((0, "Created deployment configuration TwoAtATime (HOST_COUNT:2)\n"), (created.ExitCode, created.Stdout));
        Assert.Contains("Minimum healthy  HOST_COUNT:2", get.Lines);
        Assert.Equal(("HOST_COUNT", 2), (json["deploymentConfigInfo"]!["minimumHealthyHosts"]!["type"]!.GetValue<string>(),
            json["deploymentConfigInfo"]!["minimumHealthyHosts"]!["value"]!.GetValue<int>()));
        Assert.Equal("NAME                           MINIMUM HEALTHY", list.Lines[0]);
        Assert.Contains("CodeDeployDefault.HalfAtATime  FLEET_PERCENT:50", list.Lines);
        Assert.Contains("TwoAtATime                     HOST_COUNT:2", list.Lines);
        Assert.Contains("TwoAtATime", listJson["deploymentConfigsList"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal((0, "Deleted deployment configuration TwoAtATime\n"), (deleted.ExitCode, deleted.Stdout));
    }

    [Theory]
    [InlineData("HOST:2")]
    [InlineData("HOST_COUNT")]
    [InlineData("FLEET_PERCENT:half")]
    public void ConfigCreate_MalformedMinHealthy_ExitsTwoNamingTheOption(string value)
    {
        var result = CliRunner.Run("config", "create", "X", "--min-healthy", value);

        Assert.Equal((2, $"error: --min-healthy '{value}' must be HOST_COUNT:N or FLEET_PERCENT:N, e.g. HOST_COUNT:2 or FLEET_PERCENT:75"),
            (result.ExitCode, result.Stderr.TrimEnd()));
    }

    [Fact]
    public void ConfigCreate_NoMinHealthy_ExitsTwoNamingTheOption()
    {
        var result = CliRunner.Run("config", "create", "X");

        Assert.Equal((2, "error: Option '--min-healthy' is required."), (result.ExitCode, result.Stderr.TrimEnd()));
    }

    [Fact]
    public async Task Config_OutOfRangeOrPredefined_ExitsOneWithTheServersMessage()
    {
        await using var cli = await ServerCli.StartAsync();

        var percent = cli.Run("config", "create", "Big", "--min-healthy", "FLEET_PERCENT:200");
        var predefined = cli.Run("config", "delete", "CodeDeployDefault.AllAtOnce");

        Assert.Equal((1, "error: FLEET_PERCENT must be 0-99, got 200 (InvalidMinimumHealthyHostValueException)\n"), (percent.ExitCode, percent.Stderr));
        Assert.Equal((1, "error: CodeDeployDefault.AllAtOnce is predefined and cannot be deleted (InvalidOperationException)\n"), (predefined.ExitCode, predefined.Stderr));
    }
}
