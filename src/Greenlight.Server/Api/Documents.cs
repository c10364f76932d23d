using System.Text.Json;

namespace Greenlight.Server.Api;

/// <summary>The JSON form of API bodies and stored documents: camelCase (CodeDeploy's field names), nulls omitted.</summary>
public static class Documents
{
    public static readonly JsonSerializerOptions Options = Contracts.WireJson.Options;

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"empty {typeof(T).Name}");
}
