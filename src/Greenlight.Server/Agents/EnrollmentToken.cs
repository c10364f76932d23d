using Greenlight.Contracts.V1;

namespace Greenlight.Server.Agents;

/// <summary>A stored enrollment token: its secret's hash, how many enrollments remain, until when, and the tags it adds.</summary>
public sealed record EnrollmentToken(string Id, string Name, string Hash, int UsesLeft, DateTimeOffset ExpiresAt, IReadOnlyList<Tag> Tags)
{
    public const string Kind = "enrollment-token";
}
