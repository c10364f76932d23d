using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Greenlight.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Server.Tests.Api;

/// <summary>
/// The API reference cannot drift from the code: a real server's routes are all in its OpenAPI document, in the
/// committed snapshot docs/openapi.json (equal to the live document) and in docs/api.md's tables, and api.md lists no
/// route the server does not map. To rewrite the snapshot after changing the API: eng/openapi.sh.
/// </summary>
public sealed partial class OpenApiDocumentTests
{
    /// <summary>Set to 1 (eng/openapi.sh does) to rewrite docs/openapi.json from the live document instead of comparing.</summary>
    public const string UpdateVariable = "GREENLIGHT_UPDATE_OPENAPI";

    /// <summary>Indented, and readable: an apostrophe stays an apostrophe (the snapshot is not embedded in HTML).</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string SnapshotPath = Path.Combine(RepositoryRoot.Path, "docs", "openapi.json");
    private static readonly string ReferencePath = Path.Combine(RepositoryRoot.Path, "docs", "api.md");

    [Fact]
    public async Task LiveDocument_EveryMappedRoute_IsDescribed()
    {
        await using var server = await TestServer.StartAsync();

        var described = Operations(await LiveDocumentAsync(server));

        var missing = MappedRoutes(server).Except(described).ToList();
        Assert.True(missing.Count == 0, "not in /openapi/v1.json: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Snapshot_LiveDocument_EqualsDocsOpenApiJson()
    {
        await using var server = await TestServer.StartAsync();
        var live = await LiveDocumentAsync(server);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath, live.ToJsonString(Readable) + "\n");
        }

        Assert.True(File.Exists(SnapshotPath), $"{SnapshotPath} is missing: run eng/openapi.sh");
        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(SnapshotPath));
        var changed = Operations(live).Except(Operations(snapshot!)).Concat(Operations(snapshot!).Except(Operations(live))).ToList();
        Assert.True(changed.Count == 0, "docs/openapi.json differs from the server in these routes (run eng/openapi.sh): " + string.Join(", ", changed));
        Assert.True(JsonNode.DeepEquals(live, snapshot), "docs/openapi.json is not the server's /openapi/v1.json (run eng/openapi.sh)");
    }

    [Fact]
    public async Task Reference_EveryMappedRoute_IsInApiMdAndNothingElse()
    {
        await using var server = await TestServer.StartAsync();
        var mapped = MappedRoutes(server).ToHashSet(StringComparer.Ordinal);

        var documented = RouteRow().Matches(await File.ReadAllTextAsync(ReferencePath))
            .Select(m => m.Groups["method"].Value + " " + m.Groups["path"].Value)
            .ToHashSet(StringComparer.Ordinal);

        var undocumented = mapped.Except(documented).Order(StringComparer.Ordinal).ToList();
        var unknown = documented.Except(mapped).Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0, "docs/api.md has no row for: " + string.Join(", ", undocumented));
        Assert.True(unknown.Count == 0, "docs/api.md documents routes the server does not map: " + string.Join(", ", unknown));
    }

    [Fact]
    public async Task LiveDocument_ProtectedRoutes_NameTheirRoleAndTheBearerScheme()
    {
        await using var server = await TestServer.StartAsync();

        var document = await LiveDocumentAsync(server);

        var tokens = document["paths"]!["/api/v1/tokens"]!["post"]!;
        Assert.Equal("Tokens.Create", tokens["operationId"]!.GetValue<string>());
        Assert.StartsWith("Role: admin", tokens["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(tokens["security"]![0]!["bearer"]);
        Assert.NotNull(tokens["responses"]!["403"]);
        Assert.Null(document["paths"]!["/health"]!["get"]!["security"]);
        Assert.Equal("http", document["components"]!["securitySchemes"]!["bearer"]!["type"]!.GetValue<string>());
        Assert.Null(document["servers"]);
    }

    private static async Task<JsonNode> LiveDocumentAsync(TestServer server)
    {
        using var anonymous = server.Client(null);
        var (status, body) = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(200, status);
        return body!;
    }

    /// <summary>"GET /api/v1/applications" for every operation of an OpenAPI document.</summary>
    private static IEnumerable<string> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(o => o.Key is "get" or "post" or "put" or "delete" or "patch")
            .Select(o => o.Key.ToUpperInvariant() + " " + p.Key));

    /// <summary>"GET /api/v1/applications" for every route the server maps, but the OpenAPI document itself.</summary>
    private static IEnumerable<string> MappedRoutes(TestServer server) =>
        server.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText != "/openapi/v1.json")
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => m + " " + Normalize(e.RoutePattern.RawText!)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    /// <summary>A route inside a group has its prefix joined by a slash; the OpenAPI path is the same text.</summary>
    private static string Normalize(string pattern) => "/" + pattern.TrimStart('/');

    /// <summary>A table row of api.md starting with a route: <c>| `GET /api/v1/applications` | ...</c>.</summary>
    [GeneratedRegex(@"^\|\s*`(?<method>GET|POST|PUT|DELETE|PATCH) (?<path>/[^`\s]*)`", RegexOptions.Multiline)]
    private static partial Regex RouteRow();
}
