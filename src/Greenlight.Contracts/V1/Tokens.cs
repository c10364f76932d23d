namespace Greenlight.Contracts.V1;

/// <summary>Role: admin, operator, reader or agent (an agent token names its instance).</summary>
public sealed record CreateTokenInput(string? Name, string? Role, string? InstanceName = null, int? ExpiresInDays = null);

/// <summary>The secret is shown once, here, and stored only as a hash.</summary>
public sealed record CreateTokenOutput(string Id, string Name, string Role, string Token);

public sealed record TokenInfo(string Id, string Name, string Role, string? InstanceName, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);
