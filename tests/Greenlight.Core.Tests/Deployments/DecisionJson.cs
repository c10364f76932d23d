using System.Text.Json;
using System.Text.Json.Serialization;
using Greenlight.Core.Deployments;

namespace Greenlight.Core.Tests.Deployments;

/// <summary>One JSON form for states, observations and decisions: used to compare decisions and to replay histories.</summary>
internal static class DecisionJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    public static string Of(Decision decision) => Of(new
    {
        decision.Next,
        decision.Commands,
        decision.WakeAt,
        decision.Failure,
        decision.Rejection,
    });
}
