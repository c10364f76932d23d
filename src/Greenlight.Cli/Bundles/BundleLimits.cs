namespace Greenlight.Cli.Bundles;

/// <summary>Limits on reading bundles for validation.</summary>
internal static class BundleLimits
{
    /// <summary>Most entries a bundle listing may have (a zip bomb of empty entries stops here).</summary>
    public const int MaxEntries = 200_000;
}
