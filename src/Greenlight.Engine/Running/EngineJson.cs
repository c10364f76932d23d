using System.Text.Json;
using System.Text.Json.Serialization;
using Greenlight.Core.Deployments;

namespace Greenlight.Engine.Running;

/// <summary>The JSON form in which states, observations and commands are stored.</summary>
public static class EngineJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string State(DeploymentState state) => JsonSerializer.Serialize(state, Options);

    public static DeploymentState ReadState(string json) =>
        JsonSerializer.Deserialize<DeploymentState>(json, Options) ?? throw new InvalidDataException("empty deployment state");

    public static string Command(Command command) => JsonSerializer.Serialize(command, Options);

    public static Command ReadCommand(string json) =>
        JsonSerializer.Deserialize<Command>(json, Options) ?? throw new InvalidDataException("empty command");

    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Options);
}
