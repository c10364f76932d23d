using System.CommandLine;
using Greenlight.Core.Traffic;

namespace Greenlight.Cli.Commands.Options;

/// <summary>
/// <c>--traffic SCHEDULE</c>: how a blue/green deployment moves traffic to green, checked before anything is sent:
/// <c>all</c>, <c>canary:PCT:DURATION</c> (PCT %, then the rest after DURATION), <c>linear:PCT:DURATION</c> (PCT % more
/// every DURATION) or <c>steps:W@D,W@D</c>.
/// </summary>
internal static class TrafficOption
{
    public static Option<string> Create(string description, bool allowOff = false) => new("--traffic")
    {
        Description = description,
        HelpName = allowOff ? "SCHEDULE|off" : "SCHEDULE",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (allowOff && text.Equals("off", StringComparison.OrdinalIgnoreCase))
            {
                return "";
            }

            if (TrafficScheduleParser.TryParse(text, out _, out var error))
            {
                return text;
            }

            result.AddError($"--traffic {error}");
            return null;
        },
    };
}
