using System.Text.Json.Nodes;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>
/// A resource as the API returns it, cut down to the fields its input takes (by <see cref="SpecSchema"/>): what export
/// writes as <c>spec:</c>, and what a file's spec is compared with. Nulls and fields the input does not have are left out.
/// </summary>
internal static class SpecProjection
{
    public static JsonNode? Project(JsonNode? node, SpecSchema schema) => (node, schema.Shape) switch
    {
        (null, _) => null,
        (JsonObject obj, SpecShape.Object) => Object(obj, schema),
        (JsonArray array, SpecShape.List) => new JsonArray([.. array.Select(item => Project(item, schema.Item!))]),
        (JsonObject map, SpecShape.Map) => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, Project(p.Value, schema.Item!)))),
        (JsonValue value, _) => value.DeepClone(),
        _ => null,
    };

    private static JsonObject Object(JsonObject obj, SpecSchema schema)
    {
        var result = new JsonObject();
        foreach (var (field, fieldSchema) in schema.Fields)
        {
            if (Project(obj[field], fieldSchema) is { } value)
            {
                result[field] = value;
            }
        }

        return result;
    }
}
