using System.CommandLine;
using System.Text.Json.Nodes;
using Greenlight.Cli.Api;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands;

/// <summary><c>greenlight deployment targets ID</c> and <c>deployment events ID</c>: a deployment's instances and its event log.</summary>
internal static class DeploymentTargetsCommands
{
    public static Command Targets()
    {
        var id = new Argument<string>("deployment-id") { Description = "The deployment, e.g. d-ABCDEFGHI." };
        return new Command("targets",
            "Show each instance of a deployment: its status, blue/green label, and each lifecycle event with its status, times and,\n" +
            "for a failure, its diagnostics. Exit 1 (DeploymentDoesNotExistException) for an unknown deployment.\n" +
            "Examples:\n  greenlight deployment targets d-ABCDEFGHI\n  greenlight deployment targets d-ABCDEFGHI -o json")
        {
            id,
        }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync($"deployments/{Uri.EscapeDataString(call.Get(id))}/targets", CancellationToken.None);
            return call.Print(answer, TargetsTable(answer).Write);
        });
    }

    public static Command Events()
    {
        var id = new Argument<string>("deployment-id") { Description = "The deployment, e.g. d-ABCDEFGHI." };
        var after = new Option<long>("--after") { Description = "Only events after this sequence number (the next page).", HelpName = "SEQ" };
        var limit = new Option<int>("--limit") { Description = "At most this many events, 1-1000 (default 100).", HelpName = "N", DefaultValueFactory = _ => 100 };
        return new Command("events",
            "Show a deployment's event log, oldest first: sequence number, time, type and detail. When there are more, the last line\n" +
            "says the --after that reads the next page.\n" +
            "Examples:\n  greenlight deployment events d-ABCDEFGHI\n  greenlight deployment events d-ABCDEFGHI --after 100 --limit 50 -o json")
        {
            id, after, limit,
        }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync(
                $"deployments/{Uri.EscapeDataString(call.Get(id))}/events?after={call.Get(after)}&limit={call.Get(limit)}", CancellationToken.None);
            return call.Print(answer, w =>
            {
                var table = new Table("SEQ", "TIME", "TYPE", "DETAIL");
                foreach (var e in Cells.Items(answer["events"]))
                {
                    table.Add(Cells.Text(e["seq"]), Cells.Time(e["at"]), Cells.Text(e["type"]), e["detail"]?.ToJsonString());
                }

                table.Write(w);
                if (Cells.Text(answer["nextAfter"]) is { } next)
                {
                    w.WriteLine($"More: greenlight deployment events {call.Get(id)} --after {next}");
                }
            });
        });
    }

    /// <summary>A row per lifecycle event (an instance without events yet: one row), the instance's columns on each row so lines grep.</summary>
    internal static Table TargetsTable(JsonNode answer)
    {
        var table = new Table("INSTANCE", "LABEL", "STATUS", "EVENT", "EVENT STATUS", "STARTED", "ENDED", "DIAGNOSTICS");
        foreach (var target in Cells.Items(answer["deploymentTargets"]).Select(t => t["instanceTarget"]))
        {
            var (instance, label, status) = (Cells.Text(target?["targetId"]), Cells.Text(target?["instanceLabel"]), Cells.Text(target?["status"]));
            var events = Cells.Items(target?["lifecycleEvents"]).ToList();
            if (events.Count == 0)
            {
                table.Add(instance, label, status, null, null, null, null, null);
            }

            foreach (var e in events)
            {
                var d = e["diagnostics"];
                table.Add(instance, label, status, Cells.Text(e["lifecycleEventName"]), Cells.Text(e["status"]), Cells.Time(e["startTime"]), Cells.Time(e["endTime"]),
                    d is null ? null : $"{Cells.Text(d["errorCode"])}: {Cells.Text(d["message"])}");
            }
        }

        return table;
    }
}
