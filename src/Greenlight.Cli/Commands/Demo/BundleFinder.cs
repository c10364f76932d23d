namespace Greenlight.Cli.Commands.Demo;

/// <summary>
/// Finds the sample bundles the demo deploys (v1, v2, v3-5xx, built by ./eng/sample-app.sh into
/// artifacts/sample-web/bundles): the directory given with <c>--bundles</c>, else the first
/// <c>artifacts/sample-web/bundles</c> found walking up from each start directory (the current directory, then the
/// CLI's own). Not finding them is a value with the fix, not an exception.
/// </summary>
internal static class BundleFinder
{
    public const string UnderRepository = "artifacts/sample-web/bundles";

    public static IReadOnlyList<string> Needed { get; } = ["v1", "v2", "v3-5xx"];

    public static (string? Directory, string? Problem) Find(string? given, IEnumerable<string> startDirectories)
    {
        if (given is { Length: > 0 })
        {
            var full = Path.GetFullPath(given);
            var missing = Missing(full);
            return missing.Count == 0
                ? (full, null)
                : (null, $"--bundles {given}: no {string.Join(", ", missing)} folder in {full}; run ./eng/sample-app.sh in the Greenlight repository, which builds them into {UnderRepository}");
        }

        var starts = startDirectories.ToList();
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, UnderRepository);
                if (Missing(candidate).Count == 0)
                {
                    return (candidate, null);
                }
            }
        }

        return (null, $"the sample bundles ({UnderRepository}/v1, v2, v3-5xx) were not found above {string.Join(" or ", starts)}: " +
            "run ./eng/sample-app.sh in the Greenlight repository to build them, or pass --bundles DIR");
    }

    private static List<string> Missing(string directory) => [.. Needed.Where(n => !File.Exists(Path.Combine(directory, n, "appspec.yml")))];
}
