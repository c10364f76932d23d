namespace Greenlight.Bundles;

/// <summary>The archive formats a revision may have, named as CodeDeploy's <c>bundleType</c>.</summary>
public enum BundleType
{
    Zip,
    Tar,

    /// <summary>A gzip-compressed tar (<c>.tgz</c> or <c>.tar.gz</c>).</summary>
    Tgz,
}
