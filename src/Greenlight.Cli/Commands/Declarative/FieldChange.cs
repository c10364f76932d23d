using System.Text.Json.Nodes;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>One field whose value on the server differs from the file's: <c>~ spec.minimumHealthyHosts.value: 1 -> 2</c>.</summary>
internal sealed record FieldChange(string Path, JsonNode? Current, JsonNode? Desired)
{
    public override string ToString() => $"~ {Path}: {Show(Current)} -> {Show(Desired)}";

    private static string Show(JsonNode? node) => node switch
    {
        null => "(not set)",
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => Quote(value.GetValue<string>()),
        _ => node.ToJsonString(Compact),
    };

    private static readonly System.Text.Json.JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Quote(string text) =>
        text.Length == 0 || text.Contains('\n', StringComparison.Ordinal) || text.Contains(' ', StringComparison.Ordinal)
            ? System.Text.Json.JsonSerializer.Serialize(text)
            : text;
}
