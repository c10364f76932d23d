namespace Greenlight.Bundles;

/// <summary>Parsing and naming of <see cref="BundleType"/>.</summary>
public static class BundleTypes
{
    /// <summary>
    /// <c>zip</c>, <c>tar</c>, <c>tgz</c> and <c>tar.gz</c> (→ <see cref="BundleType.Tgz"/>), ignoring case.
    /// Anything else, including null, empty and numbers, returns false.
    /// </summary>
    public static bool TryParse(string? text, out BundleType type)
    {
        switch (text?.ToUpperInvariant())
        {
            case "ZIP":
                type = BundleType.Zip;
                return true;
            case "TAR":
                type = BundleType.Tar;
                return true;
            case "TGZ" or "TAR.GZ":
                type = BundleType.Tgz;
                return true;
            default:
                type = default;
                return false;
        }
    }

    /// <summary>The type a file name's extension declares (<c>.zip</c>, <c>.tar</c>, <c>.tgz</c>, <c>.tar.gz</c>), or null.</summary>
    public static BundleType? FromFileName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? BundleType.Zip
            : path.EndsWith(".tar", StringComparison.OrdinalIgnoreCase) ? BundleType.Tar
            : path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) ? BundleType.Tgz
            : null;
    }

    /// <summary>The lower-case name, also used as the file extension in the revision store: zip, tar, tgz.</summary>
    public static string ToName(this BundleType type) => type switch
    {
        BundleType.Zip => "zip",
        BundleType.Tar => "tar",
        BundleType.Tgz => "tgz",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a bundle type."),
    };
}
