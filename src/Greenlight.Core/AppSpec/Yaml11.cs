using System.Globalization;
using System.Text.RegularExpressions;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// How YAML 1.1 (Ruby's Psych, the CodeDeploy agent's parser) reads plain scalars. Quoted scalars are
/// always strings and never go through here.
/// <list type="bullet">
/// <item><c>0.0</c>, <c>0</c>, <c>0.</c>, <c>0.00</c> → the number 0.</item>
/// <item><c>0644</c> → octal → 420; <c>0x1F</c> → 31; <c>1_000</c> → 1000.</item>
/// <item><c>yes</c>/<c>true</c>/<c>on</c> → true; <c>no</c>/<c>false</c>/<c>off</c> → false.</item>
/// <item>empty, <c>~</c>, <c>null</c> → null.</item>
/// </list>
/// </summary>
internal static partial class Yaml11
{
    public static bool IsNull(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The YAML 1.1 boolean of a plain scalar, or null when it is not one.</summary>
    public static bool? ReadBoolean(string text) => text.ToUpperInvariant() switch
    {
        "YES" or "TRUE" or "ON" => true,
        "NO" or "FALSE" or "OFF" => false,
        _ => null,
    };

    /// <summary>The YAML 1.1 integer of a plain scalar (decimal, 0-octal, 0x, 0b; underscores allowed).</summary>
    public static long? ReadInteger(string text)
    {
        if (!IntegerPattern().IsMatch(text))
        {
            return null;
        }

        var negative = text.StartsWith('-');
        var digits = text.TrimStart('+', '-').Replace("_", "", StringComparison.Ordinal);
        if (digits.Length > 24)
        {
            return null;
        }

        long value = 0;
        int radix = 10;
        var start = 0;
        if (digits.StartsWith("0x", StringComparison.Ordinal)) { radix = 16; start = 2; }
        else if (digits.StartsWith("0b", StringComparison.Ordinal)) { radix = 2; start = 2; }
        else if (digits.Length > 1 && digits[0] == '0') { radix = 8; start = 1; }

        for (var i = start; i < digits.Length; i++)
        {
            var d = HexValue(digits[i]);
            if (d < 0 || d >= radix || value > (long.MaxValue - d) / radix)
            {
                return null;
            }

            value = (value * radix) + d;
        }

        return negative ? -value : value;
    }

    /// <summary>The YAML 1.1 number (integer or float) of a plain scalar, or null when it is not one.</summary>
    public static double? ReadNumber(string text)
    {
        if (ReadInteger(text) is { } integer)
        {
            return integer;
        }

        if (FloatPattern().IsMatch(text) &&
            double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        return null;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    [GeneratedRegex(@"^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|0|[1-9][0-9_]*)$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$")]
    private static partial Regex FloatPattern();
}
