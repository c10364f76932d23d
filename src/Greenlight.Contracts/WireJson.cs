using System.Text.Json;
using System.Text.Json.Serialization;

namespace Greenlight.Contracts;

/// <summary>
/// The API's JSON, shared by the server, the agent, the CLI and the tests: camelCase (CodeDeploy's field names),
/// case-insensitive reading, nulls omitted. One definition, so no side can drift from the others.
/// </summary>
public static class WireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
