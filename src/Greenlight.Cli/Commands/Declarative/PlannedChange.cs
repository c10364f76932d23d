namespace Greenlight.Cli.Commands.Declarative;

/// <summary>What apply does with one document.</summary>
internal enum ChangeAction
{
    Unchanged,
    Create,
    Update,

    /// <summary>The resource differs in a way the API cannot update (a deployment configuration, an application).</summary>
    Impossible,
}

/// <summary>One document's planned change: the action, the fields that differ, and why it cannot be done (for <see cref="ChangeAction.Impossible"/>).</summary>
internal sealed record PlannedChange(ResourceDocument Document, ChangeAction Action, IReadOnlyList<FieldChange> Changes, string? Reason = null)
{
    /// <summary>The changed fields without the <c>spec.</c> prefix, for <c>updated (fields...)</c>.</summary>
    public string Fields => string.Join(", ", Changes.Select(c => c.Path.StartsWith("spec.", StringComparison.Ordinal) ? c.Path[5..] : c.Path));
}
