using System.CommandLine;
using System.Globalization;

namespace Greenlight.Cli.Commands.Options;

/// <summary>
/// A duration that may be shorter than a second, for health check intervals and timeouts and the deregistration delay:
/// <c>500ms</c>, <c>0.5s</c>, <c>5s</c>, <c>2m</c>, <c>1m30s</c>. Unlike <see cref="DurationOption"/> a bare number is refused
/// (it would be minutes there, which is never what an interval means), so the unit is always written.
/// </summary>
internal static class FineDuration
{
    private static readonly string[] Units = ["h", "m", "s", "ms"];

    /// <summary>An option in seconds (fractions kept), from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<double?> Create(string name, string description, TimeSpan min, TimeSpan max) => new(name)
    {
        Description = description,
        HelpName = "DURATION",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Check(name, text, min, max) is { } problem)
            {
                result.AddError(problem);
                return null;
            }

            return Parse(text)!.Value.TotalSeconds;
        },
    };

    /// <summary>Null when <paramref name="text"/> is a duration within bounds, else the error naming the option and the text.</summary>
    public static string? Check(string name, string text, TimeSpan min, TimeSpan max)
    {
        var range = $"from {Format(min.TotalSeconds)} to {Format(max.TotalSeconds)}";
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            return $"{name} '{text}' needs a unit: e.g. {text}s or {text}ms";
        }

        return Parse(text) is { } duration
            ? duration >= min && duration <= max ? null : $"{name} '{text}' must be {range}"
            : $"{name} '{text}' must be a duration {range}, e.g. 5s, 0.5s, 500ms or 1m30s";
    }

    /// <summary>
    /// Reads one or more NUMBER UNIT parts, units h, m, s, ms in that order, each at most once: <c>0.5s</c> is 500 ms,
    /// <c>1m30s</c> 90 s; <c>5</c>, <c>s</c>, <c>5x</c>, <c>30s1m</c> and <c>-1s</c> are null.
    /// </summary>
    public static TimeSpan? Parse(string text)
    {
        var position = 0;
        var lastUnit = -1;
        var total = TimeSpan.Zero;
        text = text.Trim();
        while (position < text.Length)
        {
            var start = position;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            if (!double.TryParse(text.AsSpan(start, position - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            var unitStart = position;
            while (position < text.Length && char.IsAsciiLetter(text[position]))
            {
                position++;
            }

            var unit = Array.IndexOf(Units, text[unitStart..position].ToLowerInvariant());
            if (unit <= lastUnit)
            {
                return null;
            }

            lastUnit = unit;
            total += unit switch
            {
                0 => TimeSpan.FromHours(value),
                1 => TimeSpan.FromMinutes(value),
                2 => TimeSpan.FromSeconds(value),
                _ => TimeSpan.FromMilliseconds(value),
            };
        }

        return lastUnit < 0 ? null : total;
    }

    /// <summary>Seconds as they are written back: <c>0.5s</c>, <c>5s</c>, <c>30s</c>, <c>90s</c>.</summary>
    public static string Format(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
