using Greenlight.Cli.Commands.Demo;

namespace Greenlight.Cli.Tests.Commands.Demo;

/// <summary>The demo's summary: the deployments table, the steps table and the verdict line.</summary>
public sealed class DemoSummaryTests
{
    [Fact]
    public void Write_EveryStepOk_PrintsBothTablesAndTheVerdict()
    {
        var summary = new DemoSummary();
        summary.Add(new DemoSummary.StepRow("deploy v1 in place", true, TimeSpan.FromSeconds(12.34), "d-1 Succeeded"));
        summary.Add(new DemoSummary.DeploymentRow("d-1", "v1", "in place, HalfAtATime", "Succeeded", TimeSpan.FromSeconds(12.2), null));
        summary.Add(new DemoSummary.DeploymentRow("d-2", "v2", "blue/green, canary 10 % then 100 %", "Succeeded", TimeSpan.FromSeconds(30), "0 of 900"));
        using var text = new StringWriter();

        summary.Write(text, TimeSpan.FromSeconds(90));

        var lines = text.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.True(summary.Ok);
        Assert.Matches(@"^DEPLOYMENT\s+REVISION\s+STRATEGY\s+RESULT\s+DURATION\s+REQUESTS FAILED$", lines[0]);
        Assert.Matches(@"^d-1\s+v1\s+in place, HalfAtATime\s+Succeeded\s+12\.2s\s+-$", lines[1]);
        Assert.Matches(@"^d-2\s+v2\s+blue/green, canary 10 % then 100 %\s+Succeeded\s+30\.0s\s+0 of 900$", lines[2]);
        Assert.Contains(lines, l => l.StartsWith("deploy v1 in place", StringComparison.Ordinal) && l.Contains("ok", StringComparison.Ordinal) && l.Contains("12.3s", StringComparison.Ordinal));
        Assert.Contains("Every step behaved as expected (90.0s in all).", lines);
    }

    [Fact]
    public void Write_AStepFailed_NamesTheFirstFailedStepAndWhy()
    {
        var summary = new DemoSummary();
        summary.Add(new DemoSummary.StepRow("4 instances", true, TimeSpan.FromSeconds(2), "4 InService"));
        summary.Add(new DemoSummary.StepRow("scale out to 5", false, TimeSpan.FromSeconds(100), "not within 100 s"));
        summary.Add(new DemoSummary.StepRow("stop the server", true, TimeSpan.FromSeconds(1), "stopped"));
        using var text = new StringWriter();

        summary.Write(text, TimeSpan.FromSeconds(104));

        Assert.False(summary.Ok);
        Assert.Equal("scale out to 5", summary.FirstFailure!.Step);
        Assert.Contains("demo: FAILED at \"scale out to 5\": not within 100 s (104.0s in all)", text.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("DEPLOYMENT", text.ToString(), StringComparison.Ordinal);
    }
}
