namespace Greenlight.Agent.Install;

/// <summary>An expected Install failure: a stable code, a message naming the path and the rule, and the path.</summary>
public sealed record InstallError(InstallErrorCode Code, string Message, string? Path);
