namespace Greenlight.Core.AppSpec;

/// <summary>
/// A permissions entry's SELinux <c>context</c>. The docs call the user field <c>user</c>; the agent reads
/// <c>name</c>. Greenlight accepts both and stores it in <see cref="User"/>.
/// </summary>
public sealed record SelinuxContext(string? User, string Type, string? Range);
