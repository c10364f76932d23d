namespace Greenlight.Agent.Install;

/// <summary>
/// Maps instance paths (<c>/opt/web</c> as written in the AppSpec) to host paths: unchanged without an
/// instance root, <c>&lt;root&gt;/opt/web</c> with one. <c>..</c> is resolved first, so nothing maps above the root.
/// </summary>
internal sealed class InstancePaths(string? instanceRoot)
{
    public string? Root { get; } = instanceRoot is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(instanceRoot));

    public string ToHost(string instancePath)
    {
        if (!instancePath.StartsWith('/'))
        {
            throw InstallFailedException.Of(InstallErrorCode.DestinationNotAbsolute, instancePath,
                $"The deployment failed because '{instancePath}' is not an absolute Linux path.");
        }

        var normal = Path.TrimEndingDirectorySeparator(Path.GetFullPath(instancePath));
        return Root is null ? normal : normal == "/" ? Root : Root + normal;
    }

    /// <summary>
    /// True when Install may touch <paramref name="hostPath"/>: anything without a root; with one, a path
    /// strictly below it whose folders between the root and it are real directories, not symlinks that
    /// could lead out of the root.
    /// </summary>
    public bool Contains(string hostPath)
    {
        if (Root is null)
        {
            return true;
        }

        if (!hostPath.StartsWith(Root + "/", StringComparison.Ordinal))
        {
            return false;
        }

        for (var parent = Path.GetDirectoryName(hostPath); parent is not null && parent != Root; parent = Path.GetDirectoryName(parent))
        {
            if (FsEntry.Probe(parent) == FsKind.Symlink)
            {
                return false;
            }
        }

        return true;
    }
}
