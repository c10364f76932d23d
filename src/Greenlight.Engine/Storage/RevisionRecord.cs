namespace Greenlight.Engine.Storage;

/// <summary>
/// A registered revision of an application: a bundle identified by its sha256 (lower-case hex), kept in the
/// content-addressed revision store (<see cref="Location"/> is where the bytes are, or the URL it came from).
/// </summary>
public sealed record RevisionRecord(
    string Application,
    string Sha256,
    long Size,
    string BundleType,
    string Location,
    string? Description,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? FirstUsedAt,
    DateTimeOffset? LastUsedAt);
