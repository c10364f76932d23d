using System.Text.Json;

namespace Greenlight.Cli.Tests.Commands;

/// <summary><c>greenlight plan --blue-green</c>: the traffic schedule and a timeline rehearsed through the decision machine.</summary>
public sealed class BlueGreenPlanCommandTests
{
    [Fact]
    public void Plan_BlueGreenCanary_PrintsScheduleAndTimelineAndSucceeds()
    {
        var result = CliRunner.Run("plan --instances 4 --config CodeDeployDefault.HalfAtATime --blue-green --traffic canary:10:5m --watch 10m --termination-wait 1h".Split(" "));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("  1     90 %   10 %   5m", result.Line("  1     90 %"));
        Assert.Equal("  2     0 %    100 %  -", result.Line("  2     0 %"));
        Assert.Equal(
        [
            "+0s      create green: 4 instances, a copy of the blue scaling group with launch template $Latest",
            "+0s      install on green, without traffic (ApplicationStop .. ValidateService)",
            "+0s      allow traffic on green at weight 0 (BeforeAllowTraffic, AllowTraffic, AfterAllowTraffic)",
            "+0s      traffic: blue 90 % / green 10 %",
            "+5m      traffic: blue 0 % / green 100 %",
            "+5m      block traffic on blue (BeforeBlockTraffic, BlockTraffic with draining, AfterBlockTraffic)",
            "+5m      watch alarms for 10m before the revision counts as known-good",
            "+15m     wait 1h before terminating blue",
            "+1h15m   terminate 4 original instances",
            "+1h15m   Succeeded",
        ], Timeline(result));
        Assert.Equal("Verdict: Succeeded after 1h15m", result.Line("Verdict:"));
    }

    [Fact]
    public void Plan_AlarmDuringLinearShift_PutsTrafficBackOnBlueAtTheSameMomentAndFails()
    {
        var result = CliRunner.Run("plan --instances 2 --blue-green --traffic linear:25:1m --alarm-at 2m30s".Split(" "));

        Assert.Equal(1, result.ExitCode);
        var timeline = Timeline(result);
        var alarm = timeline.FindIndex(l => l.Contains("goes into ALARM", StringComparison.Ordinal));
        Assert.True(alarm > 0);
        Assert.Equal("+2m30s   traffic back on blue at once: blue 100 % / green 0 %", timeline.Single(l => l.Contains("back on blue", StringComparison.Ordinal)));
        Assert.DoesNotContain(timeline, l => l.Contains("green 100 %", StringComparison.Ordinal));
        Assert.StartsWith("Verdict: Stopped: ALARM_ACTIVE", result.Line("Verdict:"), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_GreenInstallFails_FailsBeforeAnyTrafficMovesAndRetiresGreen()
    {
        var result = CliRunner.Run("plan --instances 3 --blue-green --fail 1".Split(" "));

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain(Timeline(result), l => l.Contains("traffic:", StringComparison.Ordinal));
        Assert.Contains(Timeline(result), l => l.Contains("start rollback deployment", StringComparison.Ordinal));
        Assert.StartsWith("Verdict: Failed: HEALTH_CONSTRAINTS", result.Line("Verdict:"), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ReadyWaitAndKeepBlue_WaitsAndKeepsTheOriginals()
    {
        var result = CliRunner.Run("plan --instances 2 --blue-green --ready-wait 1h --keep-blue".Split(" "));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("+0s      green ready: wait up to 1h for `greenlight deployment continue` (the plan continues at once)", Timeline(result));
        Assert.Contains("+0s      keep blue alive (KEEP_ALIVE): the original instances are not terminated", Timeline(result));
        Assert.DoesNotContain(Timeline(result), l => l.Contains("terminate 2 original instances", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_BlueGreenJson_HasScheduleTimelineAndVerdict()
    {
        var result = CliRunner.Run("plan --instances 2 --blue-green --traffic steps:5@1m,50@2m -o json".Split(" "));

        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal("blueGreen", root.GetProperty("strategy").GetString());
        Assert.Equal([5, 50, 100], root.GetProperty("traffic").EnumerateArray().Select(s => s.GetProperty("greenWeight").GetInt32()));
        Assert.Equal("Succeeded", root.GetProperty("verdict").GetProperty("status").GetString());
        Assert.Equal(180, root.GetProperty("verdict").GetProperty("durationSeconds").GetInt32());
    }

    [Theory]
    [InlineData("plan --instances 2 --blue-green --traffic canary:150:5m", "--traffic: TimeBasedCanary percentage must be a whole number from 1 to 99")]
    [InlineData("plan --instances 2 --blue-green --ready-wait soon", "--ready-wait takes a duration such as 90s, 5m or 1h, got 'soon'")]
    [InlineData("plan --instances 2 --blue-green --keep-blue --termination-wait 5m", "--keep-blue and --termination-wait cannot be used together")]
    [InlineData("plan --instances 0 --blue-green", "--instances must be at least 1 for a blue/green plan")]
    [InlineData("plan --instances 2 --traffic all", "--traffic applies to blue/green plans only: add --blue-green")]
    public void Plan_BadBlueGreenArguments_ExitTwoWithOneLine(string args, string expected)
    {
        var result = CliRunner.Run(args.Split(" "));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("greenlight plan: " + expected, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    private static List<string> Timeline(CliResult result) =>
    [
        .. result.Lines.SkipWhile(l => !l.StartsWith("Timeline", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.Length > 0).Select(l => l.Trim()),
    ];
}
