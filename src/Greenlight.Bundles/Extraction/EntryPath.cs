using System.Text;

namespace Greenlight.Bundles.Extraction;

/// <summary>
/// Turns an archive's entry name into a path relative to staging, or refuses it. Empty and <c>.</c> segments are
/// dropped (tar's <c>./app/x</c> is <c>app/x</c>; <c>./</c> is the root, returned as ""). Refused: absolute names,
/// drive letters (<c>C:</c>), backslashes (<c>a\..\x</c> means traversal on Windows), <c>..</c> segments anywhere,
/// control characters (NUL included), segments over 255 bytes, paths over 4095 bytes or deeper than the limit.
/// </summary>
internal static class EntryPath
{
    private const int MaxSegmentBytes = 255;
    private const int MaxPathBytes = 4095;

    public static string Normalize(string entryName, int maxDepth) => Normalize(entryName, entryName, "name", maxDepth);

    /// <summary>Normalizes <paramref name="text"/> (the entry's name, or its hardlink target) on behalf of <paramref name="entryName"/>.</summary>
    public static string Normalize(string entryName, string text, string what, int maxDepth)
    {
        CheckCharacters(entryName, text, what);
        if (text.StartsWith('/'))
        {
            throw Fail(ExtractionCode.UnsafePath, entryName, $"its {what} is an absolute path.");
        }

        if (HasDriveLetter(text))
        {
            throw Fail(ExtractionCode.UnsafePath, entryName, $"its {what} starts with a drive letter.");
        }

        var kept = new List<string>();
        foreach (var segment in text.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                throw Fail(ExtractionCode.UnsafePath, entryName, $"its {what} has a '..' segment (path traversal).");
            }

            if (Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
            {
                throw Fail(ExtractionCode.PathTooLong, entryName, $"its {what} has a segment longer than {MaxSegmentBytes} bytes.");
            }

            kept.Add(segment);
        }

        if (kept.Count > maxDepth)
        {
            throw Fail(ExtractionCode.PathTooLong, entryName, $"its {what} is nested {kept.Count} deep; the limit is {maxDepth}.");
        }

        var path = string.Join('/', kept);
        return Encoding.UTF8.GetByteCount(path) > MaxPathBytes
            ? throw Fail(ExtractionCode.PathTooLong, entryName, $"its {what} is longer than {MaxPathBytes} bytes.")
            : path;
    }

    /// <summary>Refuses empty text, control characters and backslashes (shared by names and link targets).</summary>
    public static void CheckCharacters(string entryName, string text, string what)
    {
        if (text.Length == 0)
        {
            throw Fail(ExtractionCode.UnsafePath, entryName, $"its {what} is empty.");
        }

        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                throw Fail(ExtractionCode.UnsafePath, entryName, $"its {what} holds the control character U+{(int)c:X4}.");
            }
        }

        if (text.Contains('\\', StringComparison.Ordinal))
        {
            throw Fail(ExtractionCode.UnsafePath, entryName, $"its {what} holds a backslash.");
        }
    }

    public static bool HasDriveLetter(string text) => text.Length >= 2 && char.IsAsciiLetter(text[0]) && text[1] == ':';

    private static ExtractionFailure Fail(ExtractionCode code, string entryName, string rule) => ExtractionFailure.For(code, entryName, rule);
}
