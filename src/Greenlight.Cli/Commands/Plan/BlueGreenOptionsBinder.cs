using Greenlight.Core.Deployments;
using Greenlight.Core.Traffic;

namespace Greenlight.Cli.Commands.Plan;

/// <summary>Turns the blue/green options of <c>greenlight plan</c> into <see cref="BlueGreenOptions"/> and a rehearsal script, or a one-line error.</summary>
internal static class BlueGreenOptionsBinder
{
    public sealed record Request(BlueGreenOptions Options, TimeSpan WatchWindow, TimeSpan? AlarmAt, TimeSpan? ContinueAfter);

    public static Request? Bind(
        int instances, string? traffic, string? readyWait, string? terminationWait, bool keepBlue, string? watch, string? alarmAt, out string? error)
    {
        error = null;
        var schedule = TrafficSchedule.AllAtOnce;
        if (traffic is not null && !TrafficScheduleParser.TryParse(traffic, out schedule, out var trafficError))
        {
            error = "--traffic: " + trafficError;
            return null;
        }

        if (keepBlue && terminationWait is not null)
        {
            error = "--keep-blue and --termination-wait cannot be used together: blue is either kept or terminated after a wait";
            return null;
        }

        var ready = Duration("--ready-wait", readyWait, ref error);
        var termination = Duration("--termination-wait", terminationWait, ref error) ?? TimeSpan.Zero;
        var window = Duration("--watch", watch, ref error) ?? TimeSpan.Zero;
        var alarm = Duration("--alarm-at", alarmAt, ref error);
        if (error is not null)
        {
            return null;
        }

        if (instances < 1)
        {
            error = "--instances must be at least 1 for a blue/green plan: green is a copy of blue";
            return null;
        }

        var green = GreenFleetSource.CopyAutoScalingGroup("blue", "$Latest", instances);
        var options = new BlueGreenOptions(green, schedule, ready, keepBlue ? null : termination);
        return new Request(options, window, alarm, ready is null ? null : TimeSpan.Zero);
    }

    private static TimeSpan? Duration(string option, string? text, ref string? error)
    {
        if (text is null || error is not null)
        {
            return null;
        }

        if (TrafficScheduleParser.TryParseDuration(text, out var duration))
        {
            return duration;
        }

        error = $"{option} takes a duration such as 90s, 5m or 1h, got '{text}'";
        return null;
    }
}
