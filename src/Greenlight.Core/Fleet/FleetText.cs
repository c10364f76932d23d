using System.Globalization;
using Greenlight.Core.Traffic;

namespace Greenlight.Core.Fleet;

/// <summary>How reasons and causes write durations ("2m", "30s", "1h15m") and times of day (UTC "HH:mm:ss").</summary>
internal static class FleetText
{
    public static string Duration(TimeSpan duration)
    {
        var text = TrafficScheduleParser.FormatDuration(duration);
        return text.Length == 0 ? duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + "ms" : text;
    }

    public static string Clock(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Names(IEnumerable<string> names) => string.Join(", ", names);
}
