namespace Greenlight.Bundles;

/// <summary>Limits on reading bundles for validation.</summary>
public static class BundleLimits
{
    /// <summary>Most entries a bundle listing may have (a zip bomb of empty entries stops here).</summary>
    public const int MaxEntries = 200_000;
}
