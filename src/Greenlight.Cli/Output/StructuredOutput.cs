using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenlight.Cli.Output;

/// <summary>
/// The one way a verb prints machine output (<c>-o json</c> or <c>-o yaml</c>): JSON in <see cref="JsonOutput"/>'s
/// style, or YAML made from the same JSON tree (<see cref="YamlOutput"/>), so both carry the same data.
/// </summary>
public static class StructuredOutput
{
    /// <summary>Writes <paramref name="node"/> as JSON or YAML (<see cref="OutputFormat.Table"/> writes JSON: a table needs a view).</summary>
    public static void Write(TextWriter writer, OutputFormat format, JsonNode? node)
    {
        if (format == OutputFormat.Yaml)
        {
            YamlOutput.Write(writer, node);
        }
        else
        {
            writer.WriteLine(node?.ToJsonString(JsonOutput.Options) ?? "null");
        }
    }

    /// <summary>Serializes <paramref name="value"/> in <see cref="JsonOutput.Options"/> (camelCase, enums as strings, no nulls) and writes it.</summary>
    public static void Write<T>(TextWriter writer, OutputFormat format, T value) =>
        Write(writer, format, value as JsonNode ?? JsonSerializer.SerializeToNode(value, JsonOutput.Options));
}
