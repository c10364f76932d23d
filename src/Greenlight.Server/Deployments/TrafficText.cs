using System.Globalization;
using Greenlight.Core.Traffic;

namespace Greenlight.Server.Deployments;

/// <summary>A traffic schedule in the short form <see cref="TrafficScheduleParser"/> reads: <c>all</c>, <c>canary:10:5m</c>, <c>linear:10:1m</c>, <c>steps:5@1m,50@10m</c>.</summary>
public static class TrafficText
{
    public static string Format(TrafficSchedule schedule) => schedule.Kind switch
    {
        TrafficScheduleKind.TimeBasedCanary => $"canary:{Number(schedule.Percentage)}:{TrafficScheduleParser.FormatDuration(schedule.Interval)}",
        TrafficScheduleKind.TimeBasedLinear => $"linear:{Number(schedule.Percentage)}:{TrafficScheduleParser.FormatDuration(schedule.Interval)}",
        TrafficScheduleKind.Steps => "steps:" + string.Join(",", schedule.ExplicitSteps.Select(s => $"{Number(s.GreenWeight)}@{TrafficScheduleParser.FormatDuration(s.Bake)}")),
        _ => "all",
    };

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
