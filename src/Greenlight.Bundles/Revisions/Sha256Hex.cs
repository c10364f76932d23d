namespace Greenlight.Bundles.Revisions;

/// <summary>
/// The only way a SHA-256 reaches a file name: exactly 64 ASCII hex digits, folded to lower case. Nothing
/// else (no <c>..</c>, separators, NUL or non-ASCII digits) can pass.
/// </summary>
public static class Sha256Hex
{
    public const int Length = 64;

    public static bool TryNormalize(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (value is null || value.Length != Length || !value.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        normalized = value.ToLowerInvariant();
        return true;
    }

    public static bool IsValid(string? value) => TryNormalize(value, out _);

    /// <summary>The normalised value; throws <see cref="ArgumentException"/> for anything that is not 64 hex digits.</summary>
    public static string Normalize(string? value, string parameterName) =>
        TryNormalize(value, out var normalized)
            ? normalized
            : throw new ArgumentException($"A SHA-256 is 64 hex characters; got {Describe(value)}.", parameterName);

    private static string Describe(string? value) => value is null ? "null" : $"{value.Length} characters";
}
