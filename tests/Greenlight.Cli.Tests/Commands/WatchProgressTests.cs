using System.Text.Json.Nodes;
using Greenlight.Cli.Commands;

namespace Greenlight.Cli.Tests.Commands;

public sealed class WatchProgressTests
{
    [Fact]
    public void Changes_FirstPoll_ReportsEventsThatStartedButNotThosePending()
    {
        var current = Events(("web-1", "Start", "Succeeded"), ("web-1", "ApplicationStop", "InProgress"), ("web-2", "Start", "Pending"));

        var lines = WatchProgress.Changes(new Dictionary<(string, string), string>(), current);

        Assert.Equal(["web-1  Start               Succeeded", "web-1  ApplicationStop     InProgress"], lines);
    }

    [Fact]
    public void Changes_NextPoll_ReportsOnlyWhatChangedWithTheFailuresDiagnostics()
    {
        var previous = new Dictionary<(string, string), string> { [("web-1", "ValidateService")] = "InProgress", [("web-2", "Start")] = "Succeeded" };
        var current = new List<WatchProgress.Event>
        {
            new("web-1", "ValidateService", "Failed", "ScriptFailed: exit code 1"),
            new("web-2", "Start", "Succeeded", null),
        };

        var lines = WatchProgress.Changes(previous, current);

        Assert.Equal(["web-1  ValidateService     Failed  ScriptFailed: exit code 1"], lines);
    }

    [Fact]
    public void Changes_InstanceSkippedAtOnce_IsOneLine()
    {
        var previous = new Dictionary<(string, string), string> { [("web-2", "Start")] = "Pending", [("web-2", "Install")] = "Pending", [("web-2", "End")] = "Pending" };
        var current = Events(("web-2", "Start", "Skipped"), ("web-2", "Install", "Skipped"), ("web-2", "End", "Skipped"));

        Assert.Equal(["web-2  Start..End          Skipped"], WatchProgress.Changes(previous, current));
    }

    [Fact]
    public void Events_TargetsAnswer_ListsEveryInstancesEventsInOrder()
    {
        var targets = JsonNode.Parse("""
            {"deploymentTargets":[{"deploymentTargetType":"InstanceTarget","instanceTarget":{"targetId":"web-1","status":"Failed","lifecycleEvents":[
              {"lifecycleEventName":"Install","status":"Succeeded"},
              {"lifecycleEventName":"ValidateService","status":"Failed","diagnostics":{"errorCode":"ScriptFailed","message":"exit code 1"}}]}}]}
            """);

        Assert.Equal(
            [new WatchProgress.Event("web-1", "Install", "Succeeded", null), new WatchProgress.Event("web-1", "ValidateService", "Failed", "ScriptFailed: exit code 1")],
            WatchProgress.Events(targets));
    }

    [Theory]
    [InlineData("""{"pending":1,"inProgress":1,"succeeded":2,"failed":0,"skipped":0,"ready":0}""", "pending 1, in progress 1, succeeded 2, failed 0")]
    [InlineData("""{"pending":0,"inProgress":0,"succeeded":0,"failed":1,"skipped":3,"ready":0}""", "pending 0, in progress 0, succeeded 0, failed 1, skipped 3")]
    public void Counts_Overview_NamesEachStatus(string overview, string expected) =>
        Assert.Equal(expected, WatchProgress.Counts(JsonNode.Parse(overview)));

    private static List<WatchProgress.Event> Events(params (string Instance, string Name, string Status)[] events) =>
        [.. events.Select(e => new WatchProgress.Event(e.Instance, e.Name, e.Status, null))];

    [Fact]
    public void Traffic_BlueGreenDeployment_IsTheSplitAndStep_AndNothingWithoutOne()
    {
        var traffic = System.Text.Json.Nodes.JsonNode.Parse("""{"blueWeight":90,"greenWeight":10,"step":1,"steps":2,"schedule":"canary:10:5m"}""");

        Assert.Equal("traffic  blue 90 %  green 10 %  step 1/2 (canary:10:5m)", WatchProgress.Traffic(traffic));
        Assert.Null(WatchProgress.Traffic(null));
    }
}
