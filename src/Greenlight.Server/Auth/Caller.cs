namespace Greenlight.Server.Auth;

/// <summary>Who is calling: the token's id and name (for audit rows), its role and, for agents, its instance.</summary>
public sealed record Caller(string TokenId, string Name, string Role, string? InstanceName)
{
    public string Actor => $"{Name} ({TokenId})";
}
