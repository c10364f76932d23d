namespace Greenlight.Engine.Storage;

/// <summary>
/// An API token. Only the SHA-256 of the secret is stored (<see cref="Hash"/>, lower-case hex). <see cref="Role"/> is
/// "admin", "operator", "reader" or "agent"; an agent token names its <see cref="InstanceId"/>.
/// </summary>
public sealed record ApiTokenRecord(
    string Id,
    string Name,
    string Hash,
    string Role,
    string? InstanceId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt);
