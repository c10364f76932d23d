using CsCheck;
using Greenlight.Core.AppSpec;

namespace Greenlight.Core.Tests.AppSpec;

/// <summary>Parse never throws and every finding has a position, for random and mutated input.</summary>
[Trait("Category", PropertyIterations.Category)]
public sealed class AppSpecParserPropertyTests
{
    private const string Valid =
        "version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /opt/web\npermissions:\n  - object: /opt/web\n    mode: \"755\"\n    type: [file]\n" +
        "hooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n      timeout: 300\n      runas: root\n";

    private static readonly Gen<char> YamlChar = Gen.OneOf(
        Gen.Char.AlphaNumeric,
        Gen.OneOfConst(' ', ' ', '\n', '\t', ':', '-', '[', ']', '{', '}', '&', '*', '!', '#', '"', '\'', '|', '>', '%', '@', '?', ',', '\\', '\r', '\uFEFF', '\0'));

    private static readonly Gen<string> Mutated =
        Gen.Select(Gen.Int[0, Valid.Length - 1], Gen.Int[0, 8], Gen.String[YamlChar, 0, 6], (at, cut, insert) =>
            Valid[..at] + insert + Valid[Math.Min(Valid.Length, at + cut)..]);

    private static readonly Gen<string> Random = Gen.OneOf(Gen.String[YamlChar, 0, 200], Gen.String, Mutated,
        Mutated.SelectMany(m => Gen.Int[0, m.Length].Select(i => m[..i] + m)));

    [Fact]
    public void Parse_AnyText_NeverThrowsAndPositionsAreOneBased()
    {
        Random.Sample(text =>
        {
            var result = AppSpecParser.Parse(text);
            Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1));
            Assert.Equal(result.Document is null, result.Diagnostics.Any(d => d.IsError));
        }, iter: PropertyIterations.Long);
    }

    [Fact]
    public void Parse_Strict_ReportsTheSameCodesAllAsErrors()
    {
        Mutated.Sample(text =>
        {
            var lenient = AppSpecParser.Parse(text);
            var strict = AppSpecParser.Parse(text, new AppSpecParseOptions { Strict = true });
            Assert.Equal(lenient.Diagnostics.Select(d => d.Code), strict.Diagnostics.Select(d => d.Code));
            Assert.All(strict.Diagnostics, d => Assert.True(d.IsError));
        }, iter: PropertyIterations.Long);
    }
}
