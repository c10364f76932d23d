namespace Greenlight.Core.AppSpec;

/// <summary>
/// A permissions <c>mode</c>: the octal digits the author wrote, left-padded to three like the agent does,
/// and their numeric value.
/// <para>
/// Greenlight reads the <b>raw text</b> of the scalar, so an unquoted <c>0644</c> means 0644. CodeDeploy's
/// YAML 1.1 parser reads it as the octal integer 420 first and then applies mode 0420; Greenlight warns
/// (ModeReadAsOctalByCodeDeploy) whenever the two readings differ.
/// </para>
/// <list type="table">
/// <listheader><term>written</term><description>Greenlight → CodeDeploy</description></listheader>
/// <item><term><c>644</c>, <c>"644"</c>, <c>"0644"</c></term><description>0644 → 0644, no finding</description></item>
/// <item><term><c>1</c></term><description>"001" → "001"</description></item>
/// <item><term><c>0644</c> (unquoted)</term><description>0644 → 0420: warning</description></item>
/// <item><term><c>0755</c> (unquoted)</term><description>0755 → 493, rejected ('9'): warning</description></item>
/// <item><term><c>0</c>, <c>00</c>, <c>0007</c></term><description>same value both ways, no finding</description></item>
/// <item><term><c>888</c>, <c>u+x</c>, <c>01777</c>, <c>12345</c></term><description>InvalidMode (digits 0-7, 1-4 characters)</description></item>
/// </list>
/// </summary>
public sealed record PermissionMode(string Digits, int Value)
{
    /// <summary>Reads the raw scalar text; null when it is not 1-4 octal digits.</summary>
    public static PermissionMode? TryParse(string text)
    {
        if (text.Length is < 1 or > 4 || !text.All(c => c is >= '0' and <= '7'))
        {
            return null;
        }

        var digits = text.PadLeft(3, '0');
        return new PermissionMode(digits, digits.Aggregate(0, (acc, c) => (acc * 8) + (c - '0')));
    }

    /// <summary>
    /// What CodeDeploy's agent makes of the scalar: YAML 1.1 value → <c>to_s</c> → pad to 3 → check.
    /// Null when the agent rejects it.
    /// </summary>
    public static PermissionMode? AsCodeDeployReads(string text, bool isPlain)
    {
        var agentText = isPlain && Yaml11.ReadInteger(text) is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : text;
        return TryParse(agentText);
    }

    /// <summary>The mode with a leading zero as people write it: "644" → "0644", "4755" → "4755".</summary>
    public string Octal => Digits.PadLeft(4, '0');

    public override string ToString() => Digits;
}
