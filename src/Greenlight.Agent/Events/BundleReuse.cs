using System.Security.Cryptography;

namespace Greenlight.Agent.Events;

/// <summary>
/// The bundle of a revision this host already downloaded: deployment folders keep their <c>bundle.zip|tar|tgz</c>
/// (<c>ROOT/GROUP-ID/DEPLOYMENT-ID/bundle.TYPE</c>, up to max revisions per group), so a rollback to a revision the host ran
/// before needs no download. A candidate counts only if its SHA-256, computed now, is the revision's; a damaged or
/// changed file is passed over.
/// </summary>
public static class BundleReuse
{
    /// <summary>
    /// Copies a verified bundle of <paramref name="sha256"/> to <paramref name="destination"/>; returns the deployment id it
    /// came from, or null when no bundle on the host has that SHA-256 (the caller downloads it).
    /// </summary>
    public static async Task<string?> TryCopyAsync(string root, string sha256, string destination, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
        {
            return null;
        }

        var candidates = new DirectoryInfo(root).EnumerateDirectories()
            .SelectMany(group => group.EnumerateDirectories())
            .Where(deployment => !string.Equals(deployment.FullName, Path.GetDirectoryName(destination), StringComparison.Ordinal))
            .SelectMany(deployment => deployment.EnumerateFiles("bundle.*"))
            .Where(f => f.Extension is ".zip" or ".tar" or ".tgz" && f.Name.Count(c => c == '.') == 1)
            .OrderByDescending(f => f.LastWriteTimeUtc);
        foreach (var candidate in candidates)
        {
            if (!string.Equals(await HashAsync(candidate.FullName, cancellationToken), sha256, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var partial = destination + ".partial";
            File.Copy(candidate.FullName, partial, overwrite: true);
            if (!string.Equals(await HashAsync(partial, cancellationToken), sha256, StringComparison.OrdinalIgnoreCase))
            {
                File.Delete(partial);
                continue;
            }

            File.Move(partial, destination, overwrite: true);
            return candidate.Directory!.Name;
        }

        return null;
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
