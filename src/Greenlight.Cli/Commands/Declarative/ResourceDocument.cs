using System.Text.Json.Nodes;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>
/// One resource of a declarative file: its kind, name, application (deployment groups only) and spec (the API's input
/// fields the file sets, typed as the API reads them), and where it was written (<c>file:line</c>) for messages.
/// </summary>
internal sealed record ResourceDocument(ResourceKind Kind, string Name, string? Application, JsonObject Spec, string Source)
{
    /// <summary>How output lines name it: <c>DeploymentGroup web/prod</c>, <c>Alarm web-5xx</c>.</summary>
    public string Title => $"{Kind.Name} {Key}";

    /// <summary>Its name, under its application for a deployment group.</summary>
    public string Key => Application is null ? Name : $"{Application}/{Name}";
}
