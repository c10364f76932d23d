using System.Globalization;

namespace Greenlight.Core.Traffic;

/// <summary>
/// Reads the short form used by the CLI and declarative files:
/// <c>all</c>, <c>canary:10:5m</c>, <c>linear:10:1m</c>, <c>steps:5@1m,50@10m</c>.
/// Durations take s, m or h (<c>90s</c>, <c>5m</c>, <c>1h</c>); a bare number means minutes, as CodeDeploy's intervals.
/// </summary>
public static class TrafficScheduleParser
{
    public static bool TryParse(string text, out TrafficSchedule schedule, out string error)
    {
        schedule = TrafficSchedule.AllAtOnce;
        error = "";
        var parts = text.Trim().Split(':');
        switch (parts[0].ToLowerInvariant())
        {
            case "all" or "allatonce" when parts.Length == 1:
                return true;
            case "canary" or "linear" when parts.Length == 3:
                if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pct) ||
                    !TryParseDuration(parts[2], out var interval))
                {
                    error = $"'{text}': expected {parts[0]}:PERCENT:DURATION, e.g. {parts[0]}:10:5m.";
                    return false;
                }

                schedule = parts[0].Equals("canary", StringComparison.OrdinalIgnoreCase)
                    ? TrafficSchedule.Canary(pct, interval)
                    : TrafficSchedule.Linear(pct, interval);
                break;
            case "steps" when parts.Length == 2:
                var steps = new List<TrafficStep>();
                foreach (var item in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var at = item.Split('@');
                    if (at.Length != 2 || !int.TryParse(at[0], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) ||
                        !TryParseDuration(at[1], out var bake))
                    {
                        error = $"'{text}': step '{item}' should be WEIGHT@DURATION, e.g. 10@5m.";
                        return false;
                    }

                    steps.Add(new TrafficStep(weight, bake));
                }

                schedule = TrafficSchedule.FromSteps(steps);
                break;
            default:
                error = $"'{text}' is not a traffic schedule: use all, canary:PERCENT:DURATION, linear:PERCENT:DURATION or steps:W@D,W@D.";
                return false;
        }

        var problems = schedule.Validate();
        error = string.Join(" ", problems);
        return problems.IsEmpty;
    }

    /// <summary>
    /// Reads <c>90s</c>, <c>5m</c>, <c>2h</c>, compounds such as <c>1h30m</c> or <c>2m30s</c>, or a bare number of minutes.
    /// </summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            duration = TimeSpan.FromMinutes(minutes);
            return true;
        }

        var position = 0;
        var seenUnits = "";
        while (position < text.Length)
        {
            var digits = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            if (digits == position || position == text.Length ||
                !int.TryParse(text.AsSpan(digits, position - digits), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var unit = char.ToLowerInvariant(text[position++]);
            var order = "hms".IndexOf(unit, StringComparison.Ordinal);
            if (order < 0 || (seenUnits.Length > 0 && "hms".IndexOf(seenUnits[^1], StringComparison.Ordinal) >= order))
            {
                return false;
            }

            seenUnits += unit;
            duration += unit switch
            {
                'h' => TimeSpan.FromHours(value),
                'm' => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromSeconds(value),
            };
        }

        return true;
    }

    /// <summary>The short form <see cref="TryParseDuration"/> reads: <c>45s</c>, <c>5m</c>, <c>2m30s</c>, <c>1h15m</c>.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        var parts = new List<string>();
        if (duration.TotalHours >= 1)
        {
            parts.Add(((int)duration.TotalHours).ToString(CultureInfo.InvariantCulture) + "h");
        }

        if (duration.Minutes > 0)
        {
            parts.Add(duration.Minutes.ToString(CultureInfo.InvariantCulture) + "m");
        }

        if (duration.Seconds > 0)
        {
            parts.Add(duration.Seconds.ToString(CultureInfo.InvariantCulture) + "s");
        }

        return string.Concat(parts);
    }
}
