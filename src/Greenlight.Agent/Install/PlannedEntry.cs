namespace Greenlight.Agent.Install;

/// <summary>One object Install will create: a directory, a file copied from <see cref="Source"/>, or a symlink.</summary>
internal sealed record PlannedEntry(FsKind Kind, string Destination, string? Source);
