namespace Greenlight.Engine.Storage;

/// <summary>Filters for listing deployments; null means any. Newest first; <see cref="Limit"/> at most 1000.</summary>
public sealed record DeploymentQuery(
    string? Application = null,
    string? DeploymentGroup = null,
    IReadOnlyCollection<string>? Statuses = null,
    DateTimeOffset? CreatedAfter = null,
    DateTimeOffset? CreatedBefore = null,
    int Limit = 100);
