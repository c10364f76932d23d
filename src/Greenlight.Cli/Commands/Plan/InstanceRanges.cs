using System.Globalization;
using System.Text;

namespace Greenlight.Cli.Commands.Plan;

/// <summary>Writes instance numbers compactly: 1, 2, 3, 5, 7, 8 → <c>1-3,5,7-8</c>.</summary>
internal static class InstanceRanges
{
    public static string Format(IEnumerable<int> numbers)
    {
        var sorted = numbers.Order().ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < sorted.Length;)
        {
            var end = i;
            while (end + 1 < sorted.Length && sorted[end + 1] == sorted[end] + 1)
            {
                end++;
            }

            text.Append(text.Length > 0 ? "," : "")
                .Append(sorted[i].ToString(CultureInfo.InvariantCulture))
                .Append(end > i ? "-" + sorted[end].ToString(CultureInfo.InvariantCulture) : "");
            i = end + 1;
        }

        return text.ToString();
    }
}
