namespace Greenlight.Bundles.Revisions;

/// <summary>A bundle at its content address.</summary>
/// <param name="Sha256">SHA-256 of the bytes, 64 lower-case hex characters.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="Type">The declared (and verified readable) archive type.</param>
/// <param name="Path">Full path of the file: <c>root/ab/abcd….zip</c>.</param>
public sealed record StoredBundle(string Sha256, long Size, BundleType Type, string Path);
