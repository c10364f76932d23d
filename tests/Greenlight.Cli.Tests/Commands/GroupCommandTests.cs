namespace Greenlight.Cli.Tests.Commands;

/// <summary><c>greenlight group</c> against a real server.</summary>
public sealed class GroupCommandTests
{
    [Fact]
    public async Task GroupCreate_TagFilters_SendsEachFilterTypeAndGetShowsThem()
    {
        await using var cli = await AppAsync();

        var created = cli.Run("group", "create", "--app", "web", "prod", "--tag-filter", "role=web", "--tag-filter", "canary", "--tag-filter", "=eu",
            "--config", "CodeDeployDefault.HalfAtATime", "--auto-rollback", "DEPLOYMENT_FAILURE,DEPLOYMENT_STOP_ON_REQUEST", "--outdated-instances", "IGNORE", "--watch-minutes", "5");
        var get = cli.Run("group", "get", "--app", "web", "prod");
        var info = cli.Json("group", "get", "--app", "web", "prod")["deploymentGroupInfo"]!;

        Assert.Equal((0, "Created deployment group prod of application web\n"), (created.ExitCode, created.Stdout));
        Assert.Equal(
            [("role", "web", "KEY_AND_VALUE"), ("canary", null, "KEY_ONLY"), (null, "eu", "VALUE_ONLY")],
            info["onPremisesInstanceTagFilters"]!.AsArray().Select(f => (f!["key"]?.GetValue<string>(), f["value"]?.GetValue<string>(), f["type"]!.GetValue<string>())));
        Assert.Equal("IGNORE", info["outdatedInstancesStrategy"]!.GetValue<string>());
        Assert.Equal(
            [
                "Group             prod",
                "Application       web",
            ],
            get.Lines[..2]);
        Assert.Contains("Configuration     CodeDeployDefault.HalfAtATime", get.Lines);
        Assert.Contains("Style             IN_PLACE without traffic control", get.Lines);
        Assert.Contains("Selection         tags role=web OR canary OR =eu", get.Lines);
        Assert.Contains("Auto rollback     on DEPLOYMENT_FAILURE,DEPLOYMENT_STOP_ON_REQUEST", get.Lines);
        Assert.Contains("Watch             5 minutes", get.Lines);
    }

    [Fact]
    public async Task GroupUpdate_TagSetAndWatch_ChangesOnlyThoseAndClearsTheFilters()
    {
        await using var cli = await AppAsync();
        cli.Run("group", "create", "--app", "web", "prod", "--tag-filter", "role=web", "--config", "CodeDeployDefault.AllAtOnce");

        var updated = cli.Run("deployment-group", "update", "--app", "web", "prod", "--tag-set", "role=web,role=api", "--tag-set", "env=prod", "--watch-minutes", "3");
        var info = cli.Json("group", "get", "--app", "web", "prod")["deploymentGroupInfo"]!;

        Assert.Equal(0, updated.ExitCode);
        Assert.Equal("Updated deployment group prod of application web", updated.Lines[0]);
        Assert.Contains("Selection         tags (role=web OR role=api) AND (env=prod)", updated.Lines);
        Assert.Empty(info["onPremisesInstanceTagFilters"]!.AsArray());
        Assert.Equal([["role=web", "role=api"], ["env=prod"]],
            info["onPremisesTagSet"]!["onPremisesTagSetList"]!.AsArray().Select(l => l!.AsArray().Select(f => $"{f!["key"]}={f["value"]}").ToArray()).ToArray());
        Assert.Equal("CodeDeployDefault.AllAtOnce", info["deploymentConfigName"]!.GetValue<string>());
        Assert.Equal(3, info["watchMinutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task Group_ListAndDelete_ShowsEachGroupThenRemovesIt()
    {
        await using var cli = await AppAsync();
        cli.Run("group", "create", "--app", "web", "prod", "--tag-filter", "role=web");
        cli.Run("group", "create", "--app", "web", "staging", "--tag-filter", "env=staging");

        var list = cli.Run("group", "list", "--app", "web");
        var json = cli.Json("group", "list", "--app", "web");
        var deleted = cli.Run("group", "delete", "--app", "web", "staging");
        var after = cli.Json("group", "list", "--app", "web");

        Assert.Equal("NAME     CONFIGURATION                 STYLE                             SELECTION         LAST SUCCESS", list.Lines[0]);
        Assert.Equal("prod     CodeDeployDefault.OneAtATime  IN_PLACE without traffic control  tags role=web     -", list.Lines[1]);
        Assert.Equal("staging  CodeDeployDefault.OneAtATime  IN_PLACE without traffic control  tags env=staging  -", list.Lines[2]);
        Assert.Equal(["prod", "staging"], json["deploymentGroups"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal((0, "Deleted deployment group staging of application web\n"), (deleted.ExitCode, deleted.Stdout));
        Assert.Equal(["prod"], after["deploymentGroups"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Theory]
    [InlineData(new[] { "--tag-filter", "=" }, "--tag-filter '=' must be KEY=VALUE, KEY or =VALUE")]
    [InlineData(new[] { "--tag-set", "role=web,,env=prod" }, "--tag-set 'role=web,,env=prod' must be KEY=VALUE, KEY or =VALUE, separated by commas")]
    [InlineData(new[] { "--tag-filter", "a", "--tag-set", "b" }, "use --tag-filter or --tag-set, not both: filters select instances matching any, a tag set those matching every set")]
    [InlineData(new[] { "--type", "SIDEWAYS" }, "--type 'SIDEWAYS' must be in-place or blue-green or IN_PLACE or BLUE_GREEN")]
    [InlineData(new[] { "--outdated-instances", "MAYBE" }, "--outdated-instances 'MAYBE' must be UPDATE or IGNORE")]
    [InlineData(new[] { "--auto-rollback", "ON_TUESDAYS" }, "--auto-rollback 'ON_TUESDAYS' must be off or events from DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM, DEPLOYMENT_STOP_ON_REQUEST, separated by commas")]
    [InlineData(new[] { "--watch-minutes", "-1" }, "--watch-minutes '-1' must be a whole number, 0 or more")]
    [InlineData(new[] { "--watch-minutes", "soon" }, "--watch-minutes 'soon' must be a whole number, 0 or more")]
    public void GroupCreate_BadOption_ExitsTwoNamingTheOptionAndSendsNothing(string[] options, string expected)
    {
        // Nothing listens on port 9: had the CLI sent the request, it would exit 1 (Unreachable), not 2.
        var result = CliRunner.Run(["group", "create", "--app", "web", "prod", .. options, "--server", "http://127.0.0.1:9", "--token", "t"]);

        Assert.Equal((2, "error: " + expected), (result.ExitCode, result.Stderr.TrimEnd()));
    }

    [Theory]
    [InlineData(new[] { "--watch-minutes", "3000" }, "error: watchMinutes 3000 must be from 0 to 2880 (InvalidInputException)")]
    [InlineData(new[] { "--config", "Nope" }, "error: deployment configuration 'Nope' does not exist (DeploymentConfigDoesNotExistException)")]
    public async Task GroupCreate_ValueTheServerRefuses_ExitsOneWithItsMessage(string[] options, string expected)
    {
        await using var cli = await AppAsync();

        var result = cli.Run(["group", "create", "--app", "web", "prod", .. options]);

        Assert.Equal((1, expected), (result.ExitCode, result.Stderr.TrimEnd()));
    }

    [Fact]
    public async Task GroupGet_UnknownGroup_ExitsOneWithTheServersMessage()
    {
        await using var cli = await AppAsync();

        var result = cli.Run("group", "get", "--app", "web", "nope");

        Assert.Equal((1, "error: deployment group 'nope' of application 'web' does not exist (DeploymentGroupDoesNotExistException)"), (result.ExitCode, result.Stderr.TrimEnd()));
    }

    private static async Task<ServerCli> AppAsync()
    {
        var cli = await ServerCli.StartAsync();
        Assert.Equal(0, cli.Run("application", "create", "web").ExitCode);
        return cli;
    }
}
