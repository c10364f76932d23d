namespace Greenlight.Agent.Events;

/// <summary>
/// CodeDeploy's <c>:max_revisions</c>: keep the newest <c>max</c> deployment folders of a group (by creation time) and
/// delete the older ones, but never a folder in <c>keep</c> (the current deployment and the last successful install).
/// </summary>
/// <remarks>Example (pinned by RevisionRetentionTests): folders d1..d7 created in order, max 5, keep {d1} → d2 is deleted, d1 and d3..d7 stay.</remarks>
public static class RevisionRetention
{
    public static IReadOnlyList<string> Prune(string groupDirectory, int max, IEnumerable<string?> keep)
    {
        if (!Directory.Exists(groupDirectory))
        {
            return [];
        }

        var kept = keep.OfType<string>().Select(Path.TrimEndingDirectorySeparator).ToHashSet(StringComparer.Ordinal);
        var removed = new DirectoryInfo(groupDirectory).EnumerateDirectories()
            .OrderByDescending(d => d.CreationTimeUtc).ThenByDescending(d => d.Name, StringComparer.Ordinal)
            .Skip(max)
            .Where(d => !kept.Contains(Path.TrimEndingDirectorySeparator(d.FullName)))
            .ToList();
        foreach (var directory in removed)
        {
            directory.Delete(recursive: true);
        }

        return [.. removed.Select(d => d.Name)];
    }
}
