namespace Greenlight.Cli.Tests.Commands.Alarms;

/// <summary><c>greenlight alarm</c> against a real server: every verb, the tables, and the exit codes of refusals and usage errors.</summary>
public sealed class AlarmCommandTests
{
    [Fact]
    public async Task Verbs_CreateUpdateSetStateHistoryDelete_WorkAgainstAServer()
    {
        await using var cli = await ServerCli.StartAsync();

        var created = cli.Run("alarm", "create", "web-5xx", "--source", "lb", "--target-group", "web", "--pool", "green", "--metric", "HTTPCode_Target_5XX_Rate",
            "--period", "1s", "--threshold", "5", "--comparison", "gt", "--evaluation-periods", "3", "--datapoints-to-alarm", "2", "--missing", "notBreaching");
        var external = cli.Json("alarm", "create", "pager", "--source", "external", "--alert-name", "HighErrorRate");
        var updated = cli.Json("alarm", "update", "web-5xx", "--threshold", "2.5", "--comparison", "ge");
        var set = cli.Run("alarm", "set-state", "pager", "ALARM", "--reason", "checkout broken");
        var list = cli.Run("alarm", "list");
        var get = cli.Run("alarm", "get", "pager");
        var history = cli.Run("alarm", "history", "pager");
        var deleted = cli.Run("alarm", "delete", "pager");
        var missing = cli.Run("alarm", "get", "pager");

        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.Equal("Created alarm web-5xx: lb web/green HTTPCode_Target_5XX_Rate, Average > 5 for 2 of 3 periods of 1s (missing: notBreaching)\n", created.Stdout);
        Assert.Equal("HighErrorRate", external["alarm"]!["alertName"]!.GetValue<string>());
        Assert.Equal(2.5, updated["alarm"]!["threshold"]!.GetValue<double>());
        Assert.Equal("GreaterThanOrEqualToThreshold", updated["alarm"]!["comparisonOperator"]!.GetValue<string>());
        Assert.Equal("Alarm pager is ALARM: checkout broken\n", set.Stdout);
        Assert.Contains("web-5xx", list.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"pager\s+ALARM\s+external", list.Stdout);
        Assert.Contains("checkout broken", get.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"INSUFFICIENT_DATA\s+ALARM\s+-\s+checkout broken", history.Stdout);
        Assert.Equal(0, deleted.ExitCode);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("AlarmNotFoundException", missing.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "alarm", "create", "a", "--source", "lb", "--metric", "RequestCount", "--period", "1s", "--threshold", "1", "--comparison", "gt", "--evaluation-periods", "1" }, "--target-group is required")]
    [InlineData(new[] { "alarm", "create", "a", "--source", "external", "--url", "http://127.0.0.1:9090" }, "--url applies to --source prometheus only")]
    [InlineData(new[] { "alarm", "create", "a", "--source", "lb", "--comparison", "above" }, "--comparison 'above' must be gt or ge or lt or le")]
    [InlineData(new[] { "alarm", "create", "a", "--source", "external", "--period", "1.5s" }, "--period 1.5s must be whole seconds")]
    [InlineData(new[] { "alarm", "update", "a", "--pool", "green" }, "--pool needs --source")]
    public async Task Usage_BadOptions_ExitTwoNamingTheOption(string[] args, string expected)
    {
        await using var cli = await ServerCli.StartAsync();

        var result = cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TheServerRefuses_ExitsOneWithTheFieldNamed()
    {
        await using var cli = await ServerCli.StartAsync();

        var result = cli.Run("alarm", "create", "a", "--source", "lb", "--target-group", "web", "--metric", "TargetResponseTime", "--statistic", "Sum",
            "--period", "1s", "--threshold", "1", "--comparison", "gt", "--evaluation-periods", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("statistic 'Sum'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("InvalidAlarmException", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupAlarmOption_NamesExistingAlarmsAndRefusesMissingOnes()
    {
        await using var cli = await ServerCli.StartAsync();
        Assert.Equal(0, cli.Run("application", "create", "web").ExitCode);
        Assert.Equal(0, cli.Run("alarm", "create", "pager", "--source", "external").ExitCode);

        var missing = cli.Run("group", "create", "--app", "web", "prod", "--alarm", "pager", "--alarm", "nope");
        var created = cli.Run("group", "create", "--app", "web", "prod", "--alarm", "pager", "--ignore-poll-alarm-failure");
        var get = cli.Run("group", "get", "--app", "web", "prod");
        var inUse = cli.Run("alarm", "delete", "pager");
        var cleared = cli.Json("group", "update", "--app", "web", "prod", "--alarm", "none");
        var deleted = cli.Run("alarm", "delete", "pager");

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("alarmConfiguration.alarms[1].name", missing.Stderr, StringComparison.Ordinal);
        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.Matches(@"Alarms\s+pager \(poll failures ignored\)", get.Stdout);
        Assert.Equal(1, inUse.ExitCode);
        Assert.Contains("ResourceInUseException", inUse.Stderr, StringComparison.Ordinal);
        Assert.False(cleared["deploymentGroupInfo"]!["alarmConfiguration"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(0, deleted.ExitCode);
    }
}
