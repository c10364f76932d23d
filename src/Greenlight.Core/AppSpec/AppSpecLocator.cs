using System.Collections.Immutable;

namespace Greenlight.Core.AppSpec;

/// <summary>Where the appspec of a bundle is, and which folder is the bundle root.</summary>
/// <param name="AppSpecPath">Entry path of the appspec inside the listing, e.g. <c>myapp/appspec.yml</c>.</param>
/// <param name="RootPrefix">Prefix of the bundle root inside the listing: "" or <c>myapp/</c>.</param>
public sealed record AppSpecLocation(string AppSpecPath, string RootPrefix);

/// <summary>
/// Finds the appspec in a bundle listing like the agent: <c>appspec.yml</c>, then <c>appspec.yaml</c>, at
/// the root; if the root holds a single top-level folder that contains one of them, that folder is the
/// root (the agent strips it). Entry paths use <c>/</c>; a trailing <c>/</c> marks a directory.
/// </summary>
public static class AppSpecLocator
{
    public static readonly ImmutableArray<string> FileNames = ["appspec.yml", "appspec.yaml"];

    public static AppSpecLocation? Locate(BundleListing listing)
    {
        foreach (var name in FileNames)
        {
            if (listing.IsFile(name))
            {
                return new AppSpecLocation(name, "");
            }
        }

        if (listing.TopLevelNames.Count == 1 && listing.IsDirectory(listing.TopLevelNames.First()))
        {
            var prefix = listing.TopLevelNames.First() + "/";
            foreach (var name in FileNames)
            {
                if (listing.IsFile(prefix + name))
                {
                    return new AppSpecLocation(prefix + name, prefix);
                }
            }
        }

        return null;
    }
}
