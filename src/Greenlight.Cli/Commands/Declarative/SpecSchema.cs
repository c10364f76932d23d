using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>What a field of a spec holds, read from the API's input records by reflection.</summary>
internal enum SpecShape
{
    String,
    Integer,
    Number,
    Boolean,
    Object,
    List,
    Map,
}

/// <summary>
/// The shape of an API input type as the wire shows it (camelCase fields, lists, string maps), so a YAML spec can be
/// read with the types the API expects and an unknown field named where it stands.
/// </summary>
internal sealed class SpecSchema
{
    private static readonly ConcurrentDictionary<Type, SpecSchema> Cache = new();

    private SpecSchema(SpecShape shape, Type type)
    {
        Shape = shape;
        Type = type;
    }

    public SpecShape Shape { get; }

    public Type Type { get; }

    /// <summary>The fields of an object, by wire name.</summary>
    public IReadOnlyDictionary<string, SpecSchema> Fields { get; private set; } = new Dictionary<string, SpecSchema>();

    /// <summary>The item of a list, or the value of a map.</summary>
    public SpecSchema? Item { get; private set; }

    /// <summary>The schema of <paramref name="type"/>.</summary>
    public static SpecSchema For(Type type) => Cache.GetOrAdd(type, Build);

    /// <summary>This object's schema without some fields (the resource's name, which a document carries in <c>name:</c>).</summary>
    public SpecSchema Without(params string[] fields) => new(Shape, Type)
    {
        Fields = Fields.Where(f => !fields.Contains(f.Key, StringComparer.Ordinal)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal),
        Item = Item,
    };

    private static SpecSchema Build(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return new(SpecShape.String, type);
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return new(SpecShape.Integer, type);
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return new(SpecShape.Number, type);
        }

        if (type == typeof(bool))
        {
            return new(SpecShape.Boolean, type);
        }

        if (type.IsGenericType && type.GetGenericArguments() is [var key, var value] && key == typeof(string)
            && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>)))
        {
            return new(SpecShape.Map, type) { Item = For(value) };
        }

        if (type.IsGenericType && type.GetGenericArguments() is { Length: 1 } single && typeof(IEnumerable<>).MakeGenericType(single[0]).IsAssignableFrom(type))
        {
            return new(SpecShape.List, type) { Item = For(single[0]) };
        }

        var fields = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => For(p.PropertyType), StringComparer.Ordinal);
        return new(SpecShape.Object, type) { Fields = fields };
    }
}
