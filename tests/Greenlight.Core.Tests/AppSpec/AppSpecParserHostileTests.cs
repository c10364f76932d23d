using System.Text;
using Greenlight.Core.AppSpec;

namespace Greenlight.Core.Tests.AppSpec;

/// <summary>reliability.md §3.8 / B1: hostile documents give errors, never exceptions (and stay cheap).</summary>
public sealed class AppSpecParserHostileTests
{
    public static TheoryData<string, string, AppSpecDiagnosticCode> Cases() => new()
    {
        { "60k open brackets (under the size cap)", new string('[', 60_000), AppSpecDiagnosticCode.NestingTooDeep },
        { "60k open braces (under the size cap)", new string('{', 60_000), AppSpecDiagnosticCode.NestingTooDeep },
        { "deep block maps", DeepMaps(200), AppSpecDiagnosticCode.NestingTooDeep },
        { "deep block lists", string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "-\n")), AppSpecDiagnosticCode.NestingTooDeep },
        { "billion laughs", BillionLaughs(), AppSpecDiagnosticCode.WrongType },
        { "2 MiB document", "version: 0.0\nos: linux\n# " + new string('x', 2 * 1024 * 1024), AppSpecDiagnosticCode.DocumentTooLarge },
        { "multibyte text over the cap", "# " + new string('é', 40 * 1024), AppSpecDiagnosticCode.DocumentTooLarge },
        { "python object tag", "version: 0.0\nos: linux\nhooks: !!python/object/apply:os.system [\"rm -rf /\"]\n", AppSpecDiagnosticCode.TagNotAllowed },
        { "NUL bytes", "version: 0.0\0\nos: linux\n", AppSpecDiagnosticCode.YamlSyntax },
        { "lone surrogate", "version: \uD800\nos: linux\n", AppSpecDiagnosticCode.InvalidVersion },
        { "random bytes", RandomBytes(), AppSpecDiagnosticCode.YamlSyntax },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_HostileInput_ReportsErrorWithoutThrowing(string name, string text, AppSpecDiagnosticCode expected)
    {
        var result = AppSpecParser.Parse(text);

        Assert.Null(result.Document);
        Assert.Contains(result.Diagnostics, d => d.Code == expected && d.IsError);
        Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1, name));
    }

    [Fact]
    public void Parse_ManyAliases_CapsTheReport()
    {
        var text = "a: &a x\nl: [" + string.Join(",", Enumerable.Repeat("*a", 5000)) + "]\n";

        var result = AppSpecParser.Parse(text);

        Assert.True(result.Diagnostics.Length <= AppSpecLimits.MaxDiagnostics + 1);
        Assert.Contains(result.Diagnostics, d => d.Code == AppSpecDiagnosticCode.TooManyDiagnostics);
    }

    [Fact]
    public void Parse_NestingAtTheLimit_IsReadNormally()
    {
        var result = AppSpecParser.Parse("version: 0.0\nos: linux\nx: " + new string('[', AppSpecLimits.MaxDepth - 1) + new string(']', AppSpecLimits.MaxDepth - 1) + "\n");

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == AppSpecDiagnosticCode.NestingTooDeep);
    }

    private static string DeepMaps(int depth)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            sb.Append(' ', i).Append('k').Append(i).Append(":\n");
        }

        return sb.ToString();
    }

    private static string BillionLaughs()
    {
        var sb = new StringBuilder("version: 0.0\nos: linux\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var c = 'b'; c <= 'i'; c++)
        {
            var prev = (char)(c - 1);
            sb.Append(c).Append(": &").Append(c).Append(" [").AppendJoin(",", Enumerable.Repeat("*" + prev, 9)).Append("]\n");
        }

        return sb.Append("hooks: *i\n").ToString();
    }

    private static string RandomBytes()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0xFF; // not a valid UTF-8 start: decoded as U+FFFD, followed by control characters
        bytes[1] = 0x01;
        return Encoding.Latin1.GetString(bytes);
    }
}
