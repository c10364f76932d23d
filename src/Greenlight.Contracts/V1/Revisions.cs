namespace Greenlight.Contracts.V1;

/// <summary>
/// revisionLocation. Greenlight's own type is <c>Bundle</c>: a bundle in the server's revision store, named by its sha256.
/// </summary>
public sealed record RevisionLocation(string RevisionType, BundleLocation? Bundle);

public sealed record BundleLocation(string Sha256, string BundleType, long? Size = null);

/// <summary>RegisterApplicationRevision by URL: the server downloads it (only from allowed hosts) and checks the sha256.</summary>
public sealed record RegisterRevisionInput(string? Url, string? Sha256, string? BundleType, string? Description);

/// <summary>genericRevisionInfo.</summary>
public sealed record GenericRevisionInfo(string? Description, DateTimeOffset RegisterTime, DateTimeOffset? FirstUsedTime, DateTimeOffset? LastUsedTime);

public sealed record RevisionInfo(RevisionLocation RevisionLocation, GenericRevisionInfo GenericRevisionInfo, IReadOnlyList<AppSpecFinding>? Warnings = null);

/// <summary>One appspec finding: stable code, severity, message and position.</summary>
public sealed record AppSpecFinding(string Code, string Severity, string Message, int Line, int Column, string Path, string? File = null);
