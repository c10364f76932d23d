namespace Greenlight.Bundles.Extraction;

/// <summary>Carries a refusal from deep inside extraction up to <see cref="SafeExtractor"/>, which turns it into a result.</summary>
internal sealed class ExtractionFailure(ExtractionCode code, string? entryName, string message) : Exception(message)
{
    public ExtractionCode Code { get; } = code;

    public string? EntryName { get; } = entryName;

    public static ExtractionFailure For(ExtractionCode code, string entryName, string rule) =>
        new(code, entryName, $"Entry '{Printable(entryName)}': {rule}");

    /// <summary>Entry names may hold control characters; show them escaped so the message stays one readable line.</summary>
    public static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
