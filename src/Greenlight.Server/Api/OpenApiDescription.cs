using System.Reflection;
using Greenlight.Server.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Greenlight.Server.Api;

/// <summary>
/// Makes the generated OpenAPI document (<c>/openapi/v1.json</c>) say what the endpoints' code already knows: an
/// operation id and a tag from the handler (<c>ApplicationsApi.Create</c> is <c>Applications.Create</c>, tag
/// <c>Applications</c>), the bearer scheme and the role each endpoint needs (<see cref="RequiredRole"/>), with its 401
/// and 403 answers. No server address, so the document is the same on every server (docs/openapi.json is a snapshot).
/// Describes only; changes no behaviour.
/// </summary>
public static class OpenApiDescription
{
    private const string Scheme = "bearer";

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddOperationTransformer((operation, context, _) =>
        {
            Describe(operation, context);
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            Describe(document);
            return Task.CompletedTask;
        });
    }

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var (group, name) = HandlerName(metadata.OfType<MethodInfo>().FirstOrDefault(), context.Description.HttpMethod);
        operation.OperationId = group + "." + name;
        operation.Tags = new HashSet<OpenApiTagReference> { new(group, context.Document) };

        if (metadata.OfType<RequiredRole>().LastOrDefault() is not { } role)
        {
            return;
        }

        operation.Description = $"Role: {role.Name} (tokens of the roles {role.Roles}).";
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }];
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No token, or a token that is unknown, revoked or expired (ProblemDetails)." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"The token's role may not do this: it needs one of {role.Roles} (ProblemDetails)." });
    }

    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Greenlight API",
            Version = "v1",
            Description = "CodeDeploy's model for server fleets. REST/JSON under /api/v1 with CodeDeploy's field names; errors are " +
                "ProblemDetails with a stable code. Reference: docs/api.md.",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = Scheme,
            Description = "An API token (glt_...): the server's admin.token, or one made with POST /api/v1/tokens.",
        };

        var used = (document.Paths ?? [])
            .SelectMany(p => p.Value.Operations ?? [])
            .SelectMany(o => o.Value.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Select(t => new OpenApiTag { Name = t }));
    }

    /// <summary><c>ApplicationsApi.Create</c> → (Applications, Create); a lambda in <c>HealthApi</c> → (Health, Get).</summary>
    private static (string Group, string Name) HandlerName(MethodInfo? handler, string? httpMethod)
    {
        var type = handler?.DeclaringType;
        while (type?.DeclaringType is not null && type.Name.StartsWith('<'))
        {
            type = type.DeclaringType; // a lambda's closure class
        }

        var group = type?.Name is { } typeName && typeName.EndsWith("Api", StringComparison.Ordinal) ? typeName[..^3] : type?.Name ?? "Greenlight";
        var verb = httpMethod is { Length: > 0 } m ? char.ToUpperInvariant(m[0]) + m[1..].ToLowerInvariant() : "Call";
        var name = handler is null || handler.Name.StartsWith('<') ? verb : handler.Name;
        return (group, name);
    }
}
