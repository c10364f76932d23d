using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Greenlight.Cli.Tests;

/// <summary>Reads YAML back with YamlDotNet into the JSON tree it stands for (plain null/true/false/numbers as such, quoted scalars as strings), to compare with <c>-o json</c>.</summary>
internal static partial class YamlTree
{
    public static JsonNode? Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Assert.Single(stream.Documents).RootNode is var root ? ToJson(root) : null;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } plain => Plain(plain.Value!),
        YamlScalarNode quoted => JsonValue.Create(quoted.Value),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static JsonNode? Plain(string text) => text switch
    {
        "null" or "~" or "" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when Number().IsMatch(text) => JsonNode.Parse(text),
        _ => JsonValue.Create(text),
    };

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    /// <summary>Asserts both texts carry the same tree.</summary>
    public static void AssertSame(string json, string yaml)
    {
        var expected = JsonNode.Parse(json);
        var actual = Parse(yaml);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"YAML:\n{yaml}\nreads as\n{actual?.ToJsonString()}\nnot as JSON:\n{json}");
    }
}
