using System.Globalization;
using System.Text.Json.Nodes;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands.Alarms;

/// <summary>How alarms, their rules, evaluations and history read in a table.</summary>
internal static class AlarmViews
{
    public static void Alarm(TextWriter writer, JsonNode? alarm)
    {
        var last = alarm?["lastEvaluation"];
        Fields.Write(writer,
            ("Alarm", Cells.Text(alarm?["alarmName"])),
            ("Description", Cells.Text(alarm?["alarmDescription"])),
            ("Source", Source(alarm?["metric"])),
            ("Rule", Rule(alarm)),
            ("Alert name", Cells.Text(alarm?["alertName"])),
            ("State", Cells.Text(alarm?["stateValue"])),
            ("Since", Cells.Time(alarm?["stateUpdatedTimestamp"])),
            ("Reason", Cells.Text(alarm?["stateReason"])),
            ("Last evaluation", last is null ? null : $"{Cells.Time(last["timestamp"])}: {Cells.Text(last["reason"])}"),
            ("Poll error", Cells.Text(last?["pollError"])),
            ("Datapoints", last is null ? null : Datapoints(last["datapoints"])),
            ("Created", Cells.Time(alarm?["createdTime"])));
    }

    /// <summary><c>lb web/green HTTPCode_Target_5XX_Rate</c>, <c>prometheus http://…: QUERY</c>, <c>external</c>.</summary>
    public static string Source(JsonNode? metric) => Cells.Text(metric?["source"]) switch
    {
        "loadBalancer" => $"lb {Cells.Text(metric?["targetGroupName"])}{(Cells.Text(metric?["pool"]) is { } pool ? "/" + pool : "")} {Cells.Text(metric?["metricName"])}",
        "prometheus" => $"prometheus {Cells.Text(metric?["url"])}: {Cells.Text(metric?["query"])}",
        var other => other ?? "",
    };

    /// <summary><c>Average &gt; 5 for 2 of 3 periods of 1s (missing: notBreaching)</c>; empty for an external alarm.</summary>
    public static string Rule(JsonNode? alarm) => alarm?["period"] is null
        ? ""
        : $"{Cells.Text(alarm["statistic"])} {AlarmOptions.Symbol(Cells.Text(alarm["comparisonOperator"]))} {Cells.Text(alarm["threshold"])} " +
          $"for {Cells.Text(alarm["datapointsToAlarm"])} of {Cells.Text(alarm["evaluationPeriods"])} periods of {Cells.Text(alarm["period"])}s " +
          $"(missing: {Cells.Text(alarm["treatMissingData"])})";

    /// <summary>The values oldest first, <c>-</c> for a missing period: <c>0 0.5 - 12.5</c>.</summary>
    public static string Datapoints(JsonNode? datapoints) =>
        string.Join(" ", Cells.Items(datapoints).Select(d => d["value"] is { } v ? Math.Round(v.GetValue<double>(), 3).ToString(CultureInfo.InvariantCulture) : "-"));
}
