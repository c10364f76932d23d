namespace Greenlight.Core.AppSpec;

/// <summary>
/// Resolves a <c>files.source</c> or hook <c>location</c> to a path inside the bundle, the way the agent's
/// <c>File.join(archive, path)</c> does: a leading <c>/</c>, <c>\</c> or <c>./</c> is bundle-relative, not
/// host-absolute. Both <c>/</c> and <c>\</c> separate segments; <c>.</c> is dropped and <c>..</c> steps up.
/// A path that steps above the bundle root is rejected (PathEscapesBundle) — CodeDeploy would happily
/// read outside its archive folder; Greenlight does not.
/// <list type="table">
/// <item><term><c>/</c>, <c>\</c>, <c>.</c>, <c>./</c></term><description>"" (the whole bundle)</description></item>
/// <item><term><c>/app</c>, <c>./app/</c></term><description><c>app</c></description></item>
/// <item><term><c>\codedeploy\start.ps1</c></term><description><c>codedeploy/start.ps1</c></description></item>
/// <item><term><c>scripts/../start.sh</c></term><description><c>start.sh</c></description></item>
/// <item><term><c>../x</c>, <c>scripts/../../x</c></term><description>escapes: rejected</description></item>
/// </list>
/// </summary>
public static class BundlePath
{
    /// <summary>Resolves <paramref name="path"/>; false when it leaves the bundle.</summary>
    public static bool TryResolve(string path, out string resolved)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/', '\\'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    resolved = "";
                    return false;
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        resolved = string.Join('/', segments);
        return true;
    }

    /// <summary>True for host-absolute destinations: <c>/opt/app</c>, <c>C:\app</c>, <c>C:/app</c>, <c>\\server\share</c>.</summary>
    public static bool IsAbsoluteDestination(string path) =>
        path.StartsWith('/') || path.StartsWith(@"\\", StringComparison.Ordinal) || IsWindowsDrivePath(path);

    /// <summary>True for <c>C:\x</c>, <c>c:/x</c> and <c>C:</c>.</summary>
    public static bool IsWindowsDrivePath(string path) =>
        path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':' && (path.Length == 2 || path[2] is '\\' or '/');
}
