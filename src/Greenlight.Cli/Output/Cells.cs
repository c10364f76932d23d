using System.Globalization;
using System.Text.Json.Nodes;

namespace Greenlight.Cli.Output;

/// <summary>How values of the API's JSON read in a table cell.</summary>
internal static class Cells
{
    /// <summary>A string or number as text; null (or a missing field) as null.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>A timestamp as <c>2025-06-01 14:03:07Z</c> (UTC, seconds).</summary>
    public static string? Time(JsonNode? node) =>
        At(node) is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : Text(node);

    /// <summary>A timestamp the API gave (ISO 8601; UTC unless it says otherwise), or null when it is missing or not one.</summary>
    public static DateTimeOffset? At(JsonNode? node) =>
        Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>A revision's SHA-256 shortened to 12 characters, as git shortens commit ids.</summary>
    public static string? Sha(string? sha256) => sha256 is { Length: > 12 } ? sha256[..12] : sha256;

    /// <summary>The elements of an array, or none when the field is missing.</summary>
    public static IEnumerable<JsonNode> Items(JsonNode? node) => node is JsonArray array ? array.OfType<JsonNode>() : [];

    /// <summary>Tags as <c>role=web,env=prod</c>.</summary>
    public static string Tags(JsonNode? tags) => string.Join(",", Items(tags).Select(t => $"{Text(t["key"])}={Text(t["value"])}"));
}
