using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>
/// Compares a file's spec with the resource's current spec on the fields the file sets only: a field the file leaves out
/// keeps whatever the server has. Objects compare field by field, lists item by item (a different length is one change of
/// the whole list), numbers by value (2 equals 2.0).
/// </summary>
internal static class SpecDiff
{
    public static IReadOnlyList<FieldChange> Compare(JsonNode? desired, JsonNode? current, string path = "spec")
    {
        var changes = new List<FieldChange>();
        Walk(desired, current, path, changes);
        return changes;
    }

    private static void Walk(JsonNode? desired, JsonNode? current, string path, List<FieldChange> changes)
    {
        switch (desired)
        {
            case null:
                return;
            case JsonObject wanted when current is JsonObject have:
                foreach (var (field, value) in wanted)
                {
                    Walk(value, have[field], $"{path}.{field}", changes);
                }

                return;
            case JsonArray wanted when current is JsonArray have && wanted.Count == have.Count:
                for (var i = 0; i < wanted.Count; i++)
                {
                    Walk(wanted[i], have[i], $"{path}[{i}]", changes);
                }

                return;
            case JsonValue wanted when current is JsonValue have && Same(wanted, have):
                return;
            case JsonArray { Count: 0 } when current is null:
                // An empty list and no list mean the same to the API.
                return;
            default:
                changes.Add(new FieldChange(path, current?.DeepClone(), desired.DeepClone()));
                return;
        }
    }

    private static bool Same(JsonValue a, JsonValue b) =>
        a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number
            ? double.Parse(a.ToJsonString(), CultureInfo.InvariantCulture) == double.Parse(b.ToJsonString(), CultureInfo.InvariantCulture)
            : a.ToJsonString() == b.ToJsonString();
}
