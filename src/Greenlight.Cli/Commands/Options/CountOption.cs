using System.CommandLine;
using System.Globalization;

namespace Greenlight.Cli.Commands.Options;

/// <summary>A whole number of 0 or more (sizes, capacities, minutes); upper bounds are the server's to check.</summary>
internal static class CountOption
{
    public static Option<int?> Create(string name, string description, string helpName = "N") => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            result.AddError($"{name} '{text}' must be a whole number, 0 or more");
            return null;
        },
    };
}
