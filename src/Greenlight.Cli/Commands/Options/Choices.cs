using System.CommandLine;

namespace Greenlight.Cli.Commands.Options;

/// <summary>An option that takes one of a few words, with an error that names the option and the words (System.CommandLine's own does neither on one line).</summary>
internal static class Choices
{
    public static Option<string> Only(Option<string> option, params string[] values)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !values.Contains(result.Tokens[0].Value, StringComparer.Ordinal))
            {
                result.AddError($"{option.Name} '{result.Tokens[0].Value}' must be {string.Join(" or ", values)}");
            }
        });
        return option;
    }
}
