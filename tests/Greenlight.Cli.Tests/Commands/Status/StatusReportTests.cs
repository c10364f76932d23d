using System.Text.Json.Nodes;
using Greenlight.Cli.Commands.Status;

namespace Greenlight.Cli.Tests.Commands.Status;

public sealed class StatusReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_EveryKindOfProblem_IsListedUnderFailing()
    {
        var report = StatusReport.Build(Inputs(
            failed: [Deployment("d-OLD", "Failed", complete: Now.AddHours(-2)), Deployment("d-NEW", "Failed", complete: Now.AddMinutes(-5))],
            alarms: """{"alarms":[{"alarmName":"web-5xx","stateValue":"ALARM","stateReason":"breaching"},{"alarmName":"ok","stateValue":"OK"}]}""",
            targetGroups: """{"targetGroups":[{"targetGroupName":"web","targets":[{"instanceId":"i-1","pool":"blue","state":"healthy"},{"instanceId":"i-2","pool":"green","state":"unhealthy","reason":"HealthCheckFailed: status 503"}]}]}""",
            scalingGroups: """{"autoScalingGroups":[{"autoScalingGroupName":"web-asg","desiredCapacity":3,"instances":[{"lifecycleState":"InService"},{"lifecycleState":"Pending"}]},{"autoScalingGroupName":"full","desiredCapacity":1,"instances":[{"lifecycleState":"InService"}]}]}"""), Now);

        var failing = report["failing"]!;
        Assert.Equal(["d-NEW"], Names(failing["deployments"], "deploymentId"));
        Assert.Equal("greenlight deployment explain d-NEW", failing["deployments"]![0]!["explain"]!.GetValue<string>());
        Assert.Equal(["web-5xx"], Names(failing["alarms"], "alarmName"));
        Assert.Equal(["i-2"], Names(failing["unhealthyTargets"], "instanceId"));
        Assert.Equal(["web-asg"], Names(failing["autoScalingGroups"], "autoScalingGroupName"));
        Assert.Equal(1, failing["autoScalingGroups"]![0]!["inService"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("WaitingForContinue", "READY_WAIT", "greenlight deployment continue d-BG")]
    [InlineData("WaitingToTerminate", "TERMINATION_WAIT", "greenlight deployment continue d-BG --termination-wait")]
    public void Build_DeploymentWaitingForAPerson_IsListedWithTheCommandToRun(string phase, string wait, string command)
    {
        var report = StatusReport.Build(Inputs(running: [Deployment("d-BG", "Ready", phase: phase), Deployment("d-IP", "InProgress", phase: "Installing")]), Now);

        Assert.Equal(["d-BG", "d-IP"], Names(report["running"], "deploymentId"));
        var waiting = Assert.Single(report["waiting"]!.AsArray());
        Assert.Equal((wait, command), (waiting!["waitType"]!.GetValue<string>(), waiting["command"]!.GetValue<string>()));
    }

    [Fact]
    public void Build_ScopedToAnApplication_KeepsOnlyWhatItsGroupsName()
    {
        var scope = StatusScope.Of([JsonNode.Parse("""
            {"alarmConfiguration":{"enabled":true,"alarms":[{"name":"web-5xx"}]},"autoScalingGroups":["web-asg"],
             "loadBalancerInfo":{"targetGroupInfoList":[{"name":"web"}]}}
            """)!]);
        var report = StatusReport.Build(Inputs(
            alarms: """{"alarms":[{"alarmName":"web-5xx","stateValue":"ALARM"},{"alarmName":"api-5xx","stateValue":"ALARM"}]}""",
            targetGroups: """{"targetGroups":[{"targetGroupName":"api","targets":[{"instanceId":"i-9","state":"unhealthy"}]}]}""",
            scalingGroups: """{"autoScalingGroups":[{"autoScalingGroupName":"api-asg","desiredCapacity":2,"instances":[]}]}""",
            scope: scope), Now);

        Assert.Equal(["web-5xx"], Names(report["failing"]!["alarms"], "alarmName"));
        Assert.Empty(report["failing"]!["unhealthyTargets"]!.AsArray());
        Assert.Empty(report["failing"]!["autoScalingGroups"]!.AsArray());
    }

    [Fact]
    public void Write_NothingGoingOn_SaysNoneForEachSection()
    {
        using var writer = new StringWriter();

        StatusView.Write(writer, StatusReport.Build(Inputs(), Now));

        Assert.Equal("RUNNING: none\n\nFAILING: none\n\nWAITING FOR YOU: none\n", writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Write_RunningBlueGreen_ShowsProgressAndTrafficSplit()
    {
        var running = Deployment("d-BG", "InProgress", phase: "ShiftingTraffic");
        running["deploymentOverview"] = JsonNode.Parse("""{"pending":1,"inProgress":1,"succeeded":2,"failed":0,"skipped":0,"ready":0}""");
        running["traffic"] = JsonNode.Parse("""{"blueWeight":90,"greenWeight":10,"step":1,"steps":2,"schedule":"canary:10:5m"}""");
        using var writer = new StringWriter();

        StatusView.Write(writer, StatusReport.Build(Inputs(running: [running]), Now));

        Assert.Matches(@"d-BG\s+web/prod\s+InProgress\s+2/4 done\s+blue 90 % green 10 %\s+doing", writer.ToString());
    }

    private static JsonObject Deployment(string id, string status, string phase = "Done", DateTimeOffset? complete = null) => new()
    {
        ["deploymentId"] = id, ["applicationName"] = "web", ["deploymentGroupName"] = "prod", ["status"] = status, ["phase"] = phase,
        ["statusReason"] = "doing", ["completeTime"] = complete?.ToString("O"), ["errorInformation"] = new JsonObject { ["code"] = "X", ["message"] = "broke" },
    };

    private static StatusInputs Inputs(IReadOnlyList<JsonNode>? running = null, IReadOnlyList<JsonNode>? failed = null, string alarms = """{"alarms":[]}""",
        string targetGroups = """{"targetGroups":[]}""", string scalingGroups = """{"autoScalingGroups":[]}""", StatusScope? scope = null) =>
        new(running ?? [], failed ?? [], JsonNode.Parse(alarms)!, JsonNode.Parse(targetGroups)!, JsonNode.Parse(scalingGroups)!, scope);

    private static string[] Names(JsonNode? items, string field) => [.. items!.AsArray().Select(i => i![field]!.GetValue<string>())];
}
