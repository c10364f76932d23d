namespace Greenlight.Bundles.Extraction;

/// <summary>
/// The outcome of <see cref="SafeExtractor.ExtractAsync"/>. On success <see cref="EntryCount"/> counts every entry
/// (directories and links included) and <see cref="TotalBytes"/> the file bytes written. On failure
/// <see cref="EntryName"/> is the offending entry as the archive spells it (null when the failure is not about
/// one entry) and <see cref="Message"/> names it and the rule it broke; the staging directory no longer exists.
/// </summary>
public sealed record ExtractionResult(ExtractionCode Code, string Message, string? EntryName, int EntryCount, long TotalBytes)
{
    public bool IsSuccess => Code == ExtractionCode.Extracted;

    internal static ExtractionResult Failure(ExtractionCode code, string? entryName, string message) => new(code, message, entryName, 0, 0);
}
