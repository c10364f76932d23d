using System.Text;
using System.Text.RegularExpressions;

namespace Greenlight.Agent.Install;

/// <summary>
/// The agent's permissions globs: <c>**</c> matches every relative name; any other glob matches a single
/// name only (a relative name containing <c>/</c> never matches), with <c>*</c>, <c>?</c> and <c>{a,b}</c>.
/// </summary>
internal static class SimpleGlob
{
    public static bool Matches(string relativeName, string glob)
    {
        if (glob == "**")
        {
            return true;
        }

        return !relativeName.Contains('/', StringComparison.Ordinal)
            && Expand(glob).Any(option => Regex.IsMatch(relativeName, ToRegex(option), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }

    private static IEnumerable<string> Expand(string glob)
    {
        var open = glob.IndexOf('{', StringComparison.Ordinal);
        var close = open < 0 ? -1 : glob.IndexOf('}', open);
        if (close < 0)
        {
            return [glob];
        }

        return glob[(open + 1)..close].Split(',')
            .SelectMany(option => Expand(glob[(close + 1)..]).Select(rest => glob[..open] + option + rest));
    }

    private static string ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        foreach (var c in glob)
        {
            _ = c switch
            {
                '*' => pattern.Append(".*"),
                '?' => pattern.Append('.'),
                _ => pattern.Append(Regex.Escape(c.ToString())),
            };
        }

        return pattern.Append('$').ToString();
    }
}
