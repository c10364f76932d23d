using System.Text.Json;

namespace Greenlight.Cli.Tests.Commands;

/// <summary>
/// <c>greenlight plan</c> reproduces every documented example of codedeploy-semantics §4.4, through the real CLI.
/// </summary>
public sealed class PlanCommandTests
{
    public static TheoryData<string, string, string, int> DocumentedExamples => new()
    {
        // (arguments, batches as instance ranges, verdict line, exit code)
        // 10 instances, min 9 -> one at a time.
        { "--instances 10 --min-healthy HOST_COUNT:9", "1|2|3|4|5|6|7|8|9|10", "Verdict: Succeeded (healthy 10 ≥ minimum 9)", 0 },
        // 10 instances, min 8 -> two at a time.
        { "--instances 10 --min-healthy HOST_COUNT:8", "1-2|3-4|5-6|7-8|9-10", "Verdict: Succeeded (healthy 10 ≥ minimum 8)", 0 },
        // 10 instances, min 0 -> all ten at once.
        { "--instances 10 --min-healthy HOST_COUNT:0", "1-10", "Verdict: Succeeded (healthy 10 ≥ at least 1)", 0 },
        // 10 instances, 95 % -> rounds up to 10 -> fails before touching any instance.
        {
            "--instances 10 --min-healthy FLEET_PERCENT:95", "",
            "Verdict: Failed: HEALTH_CONSTRAINTS_INVALID (minimum 10 ≥ 10 instances: cannot deploy without dropping below the minimum)", 1
        },
        // 9 instances, HOST_COUNT 6 -> up to 3 at a time, needs 6.
        { "--instances 9 --min-healthy HOST_COUNT:6", "1-3|4-6|7-9", "Verdict: Succeeded (healthy 9 ≥ minimum 6)", 0 },
        // 9 instances, FLEET_PERCENT 40 -> min 4, up to 5 at a time, needs 4.
        { "--instances 9 --min-healthy FLEET_PERCENT:40", "1-5|6-9", "Verdict: Succeeded (healthy 9 ≥ minimum 4)", 0 },
        { "--instances 9 --min-healthy FLEET_PERCENT:40 --fail 5,6,7,8,9", "1-5|6-9", "Verdict: Succeeded (healthy 4 ≥ minimum 4)", 0 },
        // HalfAtATime on 9 -> min 5, 4 in flight, needs 5.
        { "--instances 9 --config CodeDeployDefault.HalfAtATime", "1-4|5-8|9", "Verdict: Succeeded (healthy 9 ≥ minimum 5)", 0 },
        // AllAtOnce -> all at once, at least one must succeed.
        { "--instances 4 --config CodeDeployDefault.AllAtOnce --fail 1,2,3", "1-4", "Verdict: Succeeded (healthy 1 ≥ at least 1)", 0 },
        { "--instances 4 --config CodeDeployDefault.AllAtOnce --fail 1,2,3,4", "1-4", "Verdict: Failed: HEALTH_CONSTRAINTS (healthy 0 < at least 1)", 1 },
        // OneAtATime on a single instance: it must succeed.
        { "--instances 1 --config CodeDeployDefault.OneAtATime", "1", "Verdict: Succeeded (healthy 1 ≥ at least 1)", 0 },
        { "--instances 1 --config CodeDeployDefault.OneAtATime --fail 1", "1", "Verdict: Failed: HEALTH_CONSTRAINTS (healthy 0 < at least 1)", 1 },
        // OneAtATime is the default.
        { "--instances 3", "1|2|3", "Verdict: Succeeded (healthy 3 ≥ minimum 2)", 0 },
        // Open point: single-instance HalfAtATime is rejected.
        {
            "--instances 1 --config CodeDeployDefault.HalfAtATime", "",
            "Verdict: Failed: HEALTH_CONSTRAINTS_INVALID (minimum 1 ≥ 1 instances: cannot deploy without dropping below the minimum)", 1
        },
        { "--instances 0", "", "Verdict: Failed: NO_INSTANCES (no instances to deploy to)", 1 },
    };

    public static TheoryData<string, string, string, int> FailureExamples => new()
    {
        // 10 instances, min 9 (and OneAtATime): a failure on instance 3 stops the deployment; on instance 10 it succeeds.
        {
            "--instances 10 --min-healthy HOST_COUNT:9 --fail 3", "1|2|3",
            "Verdict: Failed: HEALTH_CONSTRAINTS (7 instances never attempted: healthy capacity 9 would drop below minimum 9)", 1
        },
        { "--instances 10 --min-healthy HOST_COUNT:9 --fail 10", "1|2|3|4|5|6|7|8|9|10", "Verdict: Succeeded (healthy 9 ≥ minimum 9)", 0 },
        {
            "--instances 10 --config CodeDeployDefault.OneAtATime --fail 3", "1|2|3",
            "Verdict: Failed: HEALTH_CONSTRAINTS (7 instances never attempted: healthy capacity 9 would drop below minimum 9)", 1
        },
        { "--instances 10 --config CodeDeployDefault.OneAtATime --fail 10", "1|2|3|4|5|6|7|8|9|10", "Verdict: Succeeded (healthy 9 ≥ minimum 9)", 0 },
        // 10 instances, min 8: the second failure stops it unless it is on the last instance.
        { "--instances 10 --min-healthy HOST_COUNT:8 --fail 3,10", "1-2|3-4|5|6|7|8|9|10", "Verdict: Succeeded (healthy 8 ≥ minimum 8)", 0 },
        {
            "--instances 10 --min-healthy HOST_COUNT:8 --fail 3,9", "1-2|3-4|5|6|7|8|9",
            "Verdict: Failed: HEALTH_CONSTRAINTS (1 instance never attempted: healthy capacity 8 would drop below minimum 8)", 1
        },
        {
            "--instances 10 --min-healthy HOST_COUNT:8 --fail 3 --fail 4", "1-2|3-4",
            "Verdict: Failed: HEALTH_CONSTRAINTS (6 instances never attempted: healthy capacity 8 would drop below minimum 8)", 1
        },
        // 9 instances, HOST_COUNT 6: three failures in the first batch stop it.
        {
            "--instances 9 --min-healthy HOST_COUNT:6 --fail 1,2,3", "1-3",
            "Verdict: Failed: HEALTH_CONSTRAINTS (6 instances never attempted: healthy capacity 6 would drop below minimum 6)", 1
        },
    };

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    [MemberData(nameof(FailureExamples))]
    public void Plan_Table_BatchesAndVerdict(string args, string batches, string verdict, int exitCode)
    {
        var result = CliRunner.Run(["plan", .. args.Split(' ')]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(verdict, result.Line("Verdict: "));
        Assert.Equal(batches, string.Join("|", BatchRows(result).Select(r => r[1])));
        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    [MemberData(nameof(FailureExamples))]
    public void Plan_Json_BatchesAndVerdict(string args, string batches, string verdict, int exitCode)
    {
        var result = CliRunner.Run(["plan", .. args.Split(' '), "--output", "json"]);

        Assert.Equal(exitCode, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(verdict["Verdict: ".Length..], root.GetProperty("verdict").GetProperty("rule").GetString());
        var jsonBatches = root.GetProperty("batches").EnumerateArray()
            .Select(b => string.Join(",", b.GetProperty("instances").EnumerateArray().Select(i => i.GetInt32())));
        Assert.Equal(batches, Compact(jsonBatches));
    }

    [Theory]
    [InlineData("--instances 10 --min-healthy HOST_COUNT:9", "Rule: minimum healthy 9 (HOST_COUNT 9), at most 1 in flight, needs 9 successes")]
    [InlineData("--instances 10 --min-healthy HOST_COUNT:8", "Rule: minimum healthy 8 (HOST_COUNT 8), at most 2 in flight, needs 8 successes")]
    [InlineData("--instances 10 --min-healthy HOST_COUNT:0", "Rule: minimum healthy 0 (HOST_COUNT 0), at most 10 in flight, needs 1 success")]
    [InlineData("--instances 10 --min-healthy FLEET_PERCENT:95",
        "Rule: minimum healthy 10 (FLEET_PERCENT 95, rounded up: ceil(10 x 95 / 100) = 10) is not below 10 instances: the deployment cannot start")]
    [InlineData("--instances 9 --min-healthy HOST_COUNT:6", "Rule: minimum healthy 6 (HOST_COUNT 6), at most 3 in flight, needs 6 successes")]
    [InlineData("--instances 9 --min-healthy FLEET_PERCENT:40",
        "Rule: minimum healthy 4 (FLEET_PERCENT 40, rounded up: ceil(9 x 40 / 100) = 4), at most 5 in flight, needs 4 successes")]
    [InlineData("--instances 9 --config CodeDeployDefault.HalfAtATime",
        "Rule: minimum healthy 5 (FLEET_PERCENT 50, rounded up: ceil(9 x 50 / 100) = 5), at most 4 in flight, needs 5 successes")]
    [InlineData("--instances 9 --config CodeDeployDefault.AllAtOnce", "Rule: minimum healthy 0 (HOST_COUNT 0), at most 9 in flight, needs 1 success")]
    [InlineData("--instances 10 --config CodeDeployDefault.OneAtATime",
        "Rule: minimum healthy 9 (OneAtATime: N - 1 = 9, one at a time), at most 1 in flight, needs 9 successes")]
    [InlineData("--instances 1", "Rule: minimum healthy 0 (OneAtATime: N - 1 = 0, one at a time), at most 1 in flight, needs 1 success")]
    public void Plan_Table_ShowsResolvedRule(string args, string rule) =>
        Assert.Equal(rule, CliRunner.Run(["plan", .. args.Split(' ')]).Line("Rule: "));

    [Fact]
    public void Plan_Min8_HealthyCapacityAfterEachBatch()
    {
        var result = CliRunner.Run("plan", "--instances", "10", "--min-healthy", "HOST_COUNT:8", "--fail", "3,4");

        Assert.Equal(["10", "8"], BatchRows(result).Select(r => r[4]));
        Assert.Equal("Never attempted: 5-10", result.Line("Never attempted: "));
        Assert.Equal("Failing: 3-4 (fail at ValidateService; their later events do not run)", result.Line("Failing: "));
    }

    [Fact]
    public void Plan_LoadBalancer_ListsTrafficEventsOnce()
    {
        var result = CliRunner.Run("plan", "--instances", "2", "--load-balancer");

        var events = result.Lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(c => c.Length > 1 && int.TryParse(c[0], out _) && !c[1].Contains('-', StringComparison.Ordinal) && char.IsLetter(c[1][0]))
            .Select(c => c[1]);
        Assert.Equal(
            [
                "Start", "BeforeBlockTraffic", "BlockTraffic", "AfterBlockTraffic", "ApplicationStop", "DownloadBundle", "BeforeInstall",
                "Install", "AfterInstall", "ApplicationStart", "ValidateService", "BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic", "End",
            ],
            events);
        Assert.StartsWith("Plan: 2 instances, CodeDeployDefault.OneAtATime (one at a time), in-place with a load balancer", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Json_HasRuleLifecycleAndInstanceOutcomes()
    {
        var result = CliRunner.Run("plan", "--instances", "3", "--config", "CodeDeployDefault.OneAtATime", "--fail", "2", "-o", "json", "--load-balancer");

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(3, root.GetProperty("instances").GetInt32());
        Assert.Equal((2, 1, 2), (root.GetProperty("rule").GetProperty("minHealthy").GetInt32(),
            root.GetProperty("rule").GetProperty("maxInFlight").GetInt32(), root.GetProperty("rule").GetProperty("requiredSuccesses").GetInt32()));
        Assert.Equal("InPlaceWithLoadBalancer", root.GetProperty("scenario").GetString());
        Assert.Equal(15, root.GetProperty("lifecycle").GetArrayLength());
        Assert.Equal("LastSuccessfulInstall", root.GetProperty("lifecycle")[1].GetProperty("scripts").GetString());
        Assert.Equal(["Succeeded", "Failed", "Skipped"],
            root.GetProperty("instanceOutcomes").EnumerateArray().Select(i => i.GetProperty("outcome").GetString()));
        Assert.Equal("ValidateService", root.GetProperty("instanceOutcomes")[1].GetProperty("failedAt").GetString());
        Assert.Equal("HEALTH_CONSTRAINTS", root.GetProperty("verdict").GetProperty("errorCode").GetString());
        Assert.Equal("Failed", root.GetProperty("verdict").GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData("--instances 10 --config Nope", "greenlight plan: --config: unknown deployment configuration 'Nope'; known: CodeDeployDefault.OneAtATime, CodeDeployDefault.HalfAtATime, CodeDeployDefault.AllAtOnce")]
    [InlineData("--instances 10 --config codedeploydefault.allatonce", "known: CodeDeployDefault.OneAtATime")]
    [InlineData("--instances 10 --min-healthy HOST_COUNT", "--min-healthy: minimum healthy hosts must be HOST_COUNT:n or FLEET_PERCENT:p, got 'HOST_COUNT'")]
    [InlineData("--instances 10 --min-healthy PERCENT:5", "must be HOST_COUNT:n or FLEET_PERCENT:p")]
    [InlineData("--instances 10 --min-healthy FLEET_PERCENT:100", "--min-healthy: FLEET_PERCENT must be 0-99, got 100")]
    [InlineData("--instances 10 --min-healthy HOST_COUNT:-1", "--min-healthy: HOST_COUNT must be 0 or more, got -1")]
    [InlineData("--instances 10 --fail 11", "--fail 11 is out of range: instances are numbered 1 to 10")]
    [InlineData("--instances 10 --fail 0", "--fail 0 is out of range: instances are numbered 1 to 10")]
    [InlineData("--instances 10 --fail 3,x", "--fail takes instance numbers separated by commas (e.g. 3,10), got 'x'")]
    [InlineData("--instances 10 --fail -2", "--fail takes instance numbers")]
    [InlineData("--instances 0 --fail 1", "--fail 1: there are no instances to fail")]
    [InlineData("--instances 10 --config CodeDeployDefault.AllAtOnce --min-healthy HOST_COUNT:1", "--config and --min-healthy cannot be used together")]
    [InlineData("--config CodeDeployDefault.AllAtOnce", "--instances is required")]
    [InlineData("--instances ten", "--instances must be a whole number from 0 to 10000, got 'ten'")]
    [InlineData("--instances -3", "--instances must be a whole number")]
    [InlineData("--instances 10001", "--instances must be a whole number")]
    [InlineData("--instances", "--instances")]
    [InlineData("--instances 3 --output xml", "'xml'")]
    [InlineData("--instances 3 --bogus", "unexpected argument '--bogus'")]
    [InlineData("--instances 3 extra", "unexpected argument 'extra'")]
    public void Plan_BadArguments_ExitTwoWithOneLineMessage(string args, string message)
    {
        var result = CliRunner.Run(["plan", .. args.Split(' ')]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("greenlight plan: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Help_ExitsZeroAndDescribesOptions()
    {
        var result = CliRunner.Run("plan", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--min-healthy", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 the plan succeeds; 1 the plan fails; 2 bad arguments.", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The rows of the batch table: Batch, Instances, Succeeded, Failed, Healthy after.</summary>
    private static IEnumerable<string[]> BatchRows(CliResult result) =>
        result.Lines
            .SkipWhile(l => !l.StartsWith("  Batch ", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>JSON instance lists written as the table writes them (1,2,3 → 1-3).</summary>
    private static string Compact(IEnumerable<string> batches) =>
        string.Join("|", batches.Select(b => b.Length == 0 ? b : Greenlight.Cli.Commands.Plan.InstanceRanges.Format(b.Split(',').Select(int.Parse))));
}
