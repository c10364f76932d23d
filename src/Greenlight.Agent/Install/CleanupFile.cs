namespace Greenlight.Agent.Install;

/// <summary>
/// <c>&lt;instructions&gt;/&lt;dgid&gt;-cleanup</c>: one host path per line in creation order, plus
/// <c>semanage\0&lt;path&gt;</c> lines for SELinux rules (codedeploy-semantics §1.4, §3.2).
/// </summary>
internal static class CleanupFile
{
    public const string SemanagePrefix = "semanage\0";

    public static string PathFor(string instructions, string deploymentGroupId) =>
        Path.Combine(instructions, deploymentGroupId + "-cleanup");

    public static void Write(string file, IEnumerable<string> lines) =>
        FsEntry.WriteText(file, string.Concat(lines.Select(l => l + "\n")));

    /// <summary>
    /// Removes what the previous Install recorded, last first: files and symlinks unlinked, directories
    /// removed only when empty, context rules deleted with <c>semanage fcontext -d</c> when semanage exists.
    /// Lines that are not normalised absolute paths, or (with an instance root) fall outside it, are skipped.
    /// </summary>
    public static async Task RunAsync(string file, InstancePaths paths, ExternalTools tools, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            return;
        }

        var lines = await File.ReadAllLinesAsync(file, cancellationToken).ConfigureAwait(false);
        foreach (var line in lines.Reverse())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var isRule = line.StartsWith(SemanagePrefix, StringComparison.Ordinal);
            var path = isRule ? line[SemanagePrefix.Length..] : line;
            if (!path.StartsWith('/') || path == "/" || Path.GetFullPath(path) != path || !paths.Contains(path))
            {
                continue;
            }

            if (isRule)
            {
                if (tools.Find("semanage") is { } semanage)
                {
                    try
                    {
                        await tools.RunAsync(semanage, ["fcontext", "-d", path], path, cancellationToken).ConfigureAwait(false);
                    }
                    catch (InstallFailedException)
                    {
                        // The rule is already gone: nothing to undo.
                    }
                }

                continue;
            }

            Remove(path);
        }
    }

    private static void Remove(string path)
    {
        switch (FsEntry.Probe(path))
        {
            case FsKind.Directory:
                if (!Directory.EnumerateFileSystemEntries(path).Any())
                {
                    Directory.Delete(path);
                }

                break;
            case FsKind.File:
            case FsKind.Symlink:
                File.Delete(path);
                break;
            default:
                break;
        }
    }
}
