using System.Collections.Immutable;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// Reads the <c>files</c> list. Each entry needs <c>source</c> and <c>destination</c>; unknown keys
/// (<c>overwrite</c> is common) are ignored with a warning. Two entries with the same source and destination
/// are DuplicateDestination (the agent fails on two mappings producing the same path); whether different
/// sources collide needs the bundle listing: see <see cref="BundleValidator"/>.
/// </summary>
internal static class FilesReader
{
    private static readonly string[] Known = ["source", "destination"];

    public static ImmutableArray<FileMapping> Read(YamlNode? node, AppSpecOs? os, DiagnosticBag diagnostics)
    {
        if (node is null or YamlScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YamlSequence seq)
        {
            diagnostics.Error(AppSpecDiagnosticCode.WrongType, node, "files",
                $"'files' must be a list of entries like '- source: /' + 'destination: /opt/app', not {node.Kind}.");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<FileMapping>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var path = $"files[{i}]";
            if (seq.Items[i] is not YamlMapping map)
            {
                diagnostics.Error(AppSpecDiagnosticCode.WrongType, seq.Items[i], path,
                    $"A files entry must be a map with 'source' and 'destination', not {seq.Items[i].Kind}.");
                continue;
            }

            if (ReadEntry(MapView.Read(map, path, diagnostics), os, diagnostics) is not { } mapping)
            {
                continue;
            }

            foreach (var key in DuplicateKeys(mapping, os))
            {
                if (seen.TryGetValue(key, out var first))
                {
                    diagnostics.Error(AppSpecDiagnosticCode.DuplicateDestination, mapping.Line, mapping.Column, $"{path}.source",
                        $"This entry copies to the same destination path as files[{first}] ('{mapping.Destination}'); CodeDeploy fails the Install. Remove one of them.");
                    break;
                }

                seen[key] = i;
            }

            result.Add(mapping);
        }

        return result.ToImmutable();
    }

    private static FileMapping? ReadEntry(MapView entry, AppSpecOs? os, DiagnosticBag diagnostics)
    {
        entry.WarnUnknownKeys(diagnostics, Known, "a files entry", key => key switch
        {
            "overwrite" => "To overwrite existing files use the top-level 'file_exists_behavior: OVERWRITE'.",
            "sources" => "Did you mean 'source'?",
            "destinations" => "Did you mean 'destination'?",
            _ => null,
        });

        var sourceNode = entry.GetNonNull("source");
        var destNode = entry.GetNonNull("destination");
        if (sourceNode is null)
        {
            diagnostics.Error(AppSpecDiagnosticCode.MissingSource, entry.KeyNode("source") ?? (YamlNode)entry.Node, entry.Child("source"),
                "This files entry has no 'source'. Add 'source: /' for the whole bundle or a bundle-relative path.");
        }

        if (destNode is null)
        {
            diagnostics.Error(AppSpecDiagnosticCode.MissingDestination, entry.KeyNode("destination") ?? (YamlNode)entry.Node, entry.Child("destination"),
                "This files entry has no 'destination'. Add an absolute path on the server, e.g. 'destination: /opt/app'.");
        }

        var source = sourceNode is null ? null : ScalarReader.Text(sourceNode, entry.Child("source"), diagnostics, "source");
        var destination = destNode is null ? null : ScalarReader.Text(destNode, entry.Child("destination"), diagnostics, "destination");
        if (source is null || destination is null)
        {
            return null;
        }

        var ok = BundlePath.TryResolve(source, out var bundleSource);
        if (!ok)
        {
            diagnostics.Error(AppSpecDiagnosticCode.PathEscapesBundle, sourceNode!, entry.Child("source"),
                $"source '{source}' points outside the bundle. Sources are relative to the bundle root; remove the '..'.");
        }
        else if (source.IndexOfAny(['*', '?', '[']) >= 0)
        {
            diagnostics.Warning(AppSpecDiagnosticCode.GlobSource, sourceNode!, entry.Child("source"),
                $"source '{source}' looks like a glob; CodeDeploy does not expand globs and fails at Install. Name a file or folder ('/' for everything).");
        }

        CheckDestination(destination, destNode!, entry.Child("destination"), os, diagnostics);
        CheckSourceStyle(source, sourceNode!, entry.Child("source"), os, diagnostics);
        return ok ? new FileMapping(source, bundleSource, destination, sourceNode!.Line, sourceNode.Column) : null;
    }

    private static void CheckDestination(string destination, YamlNode node, string path, AppSpecOs? os, DiagnosticBag diagnostics)
    {
        if (!BundlePath.IsAbsoluteDestination(destination))
        {
            diagnostics.Warning(AppSpecDiagnosticCode.RelativeDestination, node, path,
                $"destination '{destination}' is not an absolute path; where CodeDeploy puts it is undefined. Write an absolute path such as /opt/app.");
        }
        else if (os == AppSpecOs.Linux && (BundlePath.IsWindowsDrivePath(destination) || destination.Contains('\\', StringComparison.Ordinal)))
        {
            diagnostics.Warning(AppSpecDiagnosticCode.PathStyleMismatch, node, path,
                $"destination '{destination}' is a Windows path but os is linux. Use a Linux path or set os: windows.");
        }
        else if (os == AppSpecOs.Windows && destination.StartsWith('/'))
        {
            diagnostics.Warning(AppSpecDiagnosticCode.PathStyleMismatch, node, path,
                $"destination '{destination}' is a Linux path but os is windows. Use a path like C:\\app or set os: linux.");
        }
    }

    private static void CheckSourceStyle(string source, YamlNode node, string path, AppSpecOs? os, DiagnosticBag diagnostics)
    {
        if (os == AppSpecOs.Linux && source.Contains('\\', StringComparison.Ordinal))
        {
            diagnostics.Warning(AppSpecDiagnosticCode.PathStyleMismatch, node, path,
                $"source '{source}' uses '\\', which is not a separator on Linux. Use '/'.");
        }
    }

    /// <summary>
    /// Same bundle source and same destination means the same files copied twice. Different sources into one
    /// destination may or may not collide (a folder's contents merge); only the listing can tell, so
    /// <see cref="BundleValidator"/> decides those.
    /// </summary>
    private static IEnumerable<string> DuplicateKeys(FileMapping mapping, AppSpecOs? os)
    {
        var destination = mapping.Destination.Replace('\\', '/').TrimEnd('/');
        yield return $"{mapping.BundleSource}\n{(os == AppSpecOs.Windows ? destination.ToUpperInvariant() : destination)}";
    }
}
