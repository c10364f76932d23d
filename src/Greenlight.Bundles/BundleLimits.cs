namespace Greenlight.Bundles;

/// <summary>Limits on reading bundles for validation.</summary>
public static class BundleLimits
{
    /// <summary>
    /// Most entries a bundle listing may have (a zip bomb of empty entries stops here). The same as extraction's default
    /// (<see cref="Extraction.ExtractionLimits.MaxEntries"/>), so a bundle that registers can also be extracted.
    /// </summary>
    public const int MaxEntries = 100_000;
}
