using System.Text.Json.Nodes;
using Greenlight.Cli.Commands;

namespace Greenlight.Cli.Tests.Commands;

public sealed class WatchAlarmsTests
{
    [Fact]
    public void Changes_FirstPoll_ReportsEachAlarmsStateAndReason()
    {
        var current = new List<WatchAlarms.Alarm> { new("web-5xx", "OK", "Threshold not crossed"), new("pager", "INSUFFICIENT_DATA", null) };

        var lines = WatchAlarms.Changes(new Dictionary<string, string>(), current);

        Assert.Equal(["alarm web-5xx OK (Threshold not crossed)", "alarm pager INSUFFICIENT_DATA"], lines);
    }

    [Fact]
    public void Changes_NextPoll_ReportsOnlyTheTransitionWithItsReason()
    {
        var previous = new Dictionary<string, string> { ["web-5xx"] = "OK", ["pager"] = "OK" };
        var current = new List<WatchAlarms.Alarm> { new("web-5xx", "ALARM", "5xx rate 12.5 > 5 for 2 of 3 periods"), new("pager", "OK", "all good") };

        var lines = WatchAlarms.Changes(previous, current);

        Assert.Equal(["alarm web-5xx OK -> ALARM (5xx rate 12.5 > 5 for 2 of 3 periods)"], lines);
    }

    [Fact]
    public void States_AlarmsAnswer_KeepsTheGroupsAlarmsInItsOrderAndSkipsMissingOnes()
    {
        var alarms = JsonNode.Parse("""
            {"alarms":[{"alarmName":"other","stateValue":"ALARM"},{"alarmName":"pager","stateValue":"OK","stateReason":"set by admin"},
                       {"alarmName":"web-5xx","stateValue":"ALARM","stateReason":"breaching"}]}
            """);

        var states = WatchAlarms.States(alarms, ["web-5xx", "gone", "pager"]);

        Assert.Equal([new WatchAlarms.Alarm("web-5xx", "ALARM", "breaching"), new WatchAlarms.Alarm("pager", "OK", "set by admin")], states);
    }
}
