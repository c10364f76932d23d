using System.CommandLine;
using Greenlight.Core.Traffic;

namespace Greenlight.Cli.Commands.Options;

/// <summary>
/// A duration option in the syntax of every other duration on this command line (<c>90s</c>, <c>5m</c>, <c>1h30m</c>;
/// a bare number is minutes), with an upper bound.
/// </summary>
internal static class DurationOption
{
    public static Option<TimeSpan?> Create(string name, string description, TimeSpan max) => new(name)
    {
        Description = description,
        HelpName = "DURATION",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (TrafficScheduleParser.TryParseDuration(text, out var duration) && duration <= max)
            {
                return duration;
            }

            result.AddError($"{name} '{text}' must be a duration up to {TrafficScheduleParser.FormatDuration(max)}, e.g. 30s, 5m or 1h30m");
            return null;
        },
    };

    /// <summary>Whole seconds, as the API's durations are.</summary>
    public static int? Seconds(TimeSpan? duration) => duration is { } d ? (int)d.TotalSeconds : null;
}
