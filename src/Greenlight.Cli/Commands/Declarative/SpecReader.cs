using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>
/// Turns a YAML node into the JSON the API takes, guided by the input's <see cref="SpecSchema"/>: a field the input
/// does not have, or a value of the wrong type, is an error naming the file, line, column and field path.
/// A field set to null (or <c>~</c>) counts as not set.
/// </summary>
internal sealed class SpecReader(string file)
{
    /// <summary>The value of <paramref name="node"/> read as <paramref name="schema"/>; null for a YAML null.</summary>
    public JsonNode? Read(YamlNode node, SpecSchema schema, string path)
    {
        if (IsNull(node))
        {
            return null;
        }

        return schema.Shape switch
        {
            SpecShape.Object => ReadObject(node, schema, path),
            SpecShape.List => ReadList(node, schema, path),
            SpecShape.Map => ReadMap(node, schema, path),
            _ => ReadScalar(node, schema, path),
        };
    }

    /// <summary>An error at <paramref name="node"/>'s position.</summary>
    public DeclarativeInputException Error(YamlNode node, string path, string message) => Error(node.Start, path, message);

    public DeclarativeInputException Error(Mark mark, string path, string message) =>
        new($"{file}:{mark.Line}:{mark.Column}: {(path.Length == 0 ? "" : path + ": ")}{message}");

    /// <summary>A plain <c>null</c>, <c>~</c> or empty scalar.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private JsonObject ReadObject(YamlNode node, SpecSchema schema, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, path, "expected a mapping of fields");
        }

        var result = new JsonObject();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = Key(keyNode, path);
            var field = schema.Fields.Keys.FirstOrDefault(f => string.Equals(f, key, StringComparison.OrdinalIgnoreCase))
                ?? throw Error(keyNode, Join(path, key), $"unknown field '{key}' (known: {string.Join(", ", schema.Fields.Keys.Order(StringComparer.Ordinal))})");
            if (result.ContainsKey(field))
            {
                throw Error(keyNode, Join(path, field), "this field is set twice");
            }

            if (Read(valueNode, schema.Fields[field], Join(path, field)) is { } value)
            {
                result[field] = value;
            }
        }

        return result;
    }

    private JsonArray ReadList(YamlNode node, SpecSchema schema, string path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, path, "expected a list");
        }

        var result = new JsonArray();
        var index = 0;
        foreach (var item in sequence.Children)
        {
            result.Add(Read(item, schema.Item!, $"{path}[{index++}]"));
        }

        return result;
    }

    private JsonObject ReadMap(YamlNode node, SpecSchema schema, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, path, "expected a mapping");
        }

        var result = new JsonObject();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = Key(keyNode, path);
            result[key] = Read(valueNode, schema.Item!, Join(path, key));
        }

        return result;
    }

    private JsonValue ReadScalar(YamlNode node, SpecSchema schema, string path)
    {
        if (node is not YamlScalarNode { Value: { } text })
        {
            throw Error(node, path, $"expected {Describe(schema.Shape)}, not a {(node is YamlSequenceNode ? "list" : "mapping")}");
        }

        switch (schema.Shape)
        {
            case SpecShape.String:
                return JsonValue.Create(text)!;
            case SpecShape.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                && (schema.Type != typeof(int) || integer is >= int.MinValue and <= int.MaxValue):
                return JsonValue.Create(integer);
            case SpecShape.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                return JsonValue.Create(number);
            case SpecShape.Boolean when bool.TryParse(text, out var flag):
                return JsonValue.Create(flag);
            default:
                throw Error(node, path, $"'{text}' is not {Describe(schema.Shape)}");
        }
    }

    private string Key(YamlNode keyNode, string path) =>
        keyNode is YamlScalarNode { Value: { Length: > 0 } key } ? key : throw Error(keyNode, path, "a field name must be a plain word");

    private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

    private static string Describe(SpecShape shape) => shape switch
    {
        SpecShape.Integer => "a whole number",
        SpecShape.Number => "a number",
        SpecShape.Boolean => "true or false",
        _ => "text",
    };
}
