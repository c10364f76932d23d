using System.Collections.Immutable;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// Validates a bundle from its listing: finds the appspec (<see cref="AppSpecLocator"/>), parses it, and
/// checks that every hook script exists as a file (ScriptMissing) and every <c>files</c> source except the
/// whole bundle exists (SourceMissing), and that no two <c>files</c> entries copy onto the same destination
/// file (DuplicateDestination, computed from the real listing). Core does no I/O: the caller lists the
/// bundle and supplies <c>readText</c> for the appspec only.
/// </summary>
public static class BundleValidator
{
    public static BundleValidationResult Validate(
        IReadOnlyCollection<string> bundleEntryPaths,
        Func<string, string?> readText,
        AppSpecParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bundleEntryPaths);
        ArgumentNullException.ThrowIfNull(readText);
        var listing = new BundleListing(bundleEntryPaths);
        if (AppSpecLocator.Locate(listing) is not { } location)
        {
            var elsewhere = listing.Files.FirstOrDefault(f => AppSpecLocator.FileNames.Any(n => f.EndsWith("/" + n, StringComparison.Ordinal)));
            var hint = elsewhere is null ? "" : $" Found '{elsewhere}': the appspec must be at the bundle root.";
            return new BundleValidationResult(null, null, [new AppSpecDiagnostic(AppSpecDiagnosticCode.AppSpecMissing, AppSpecSeverity.Error,
                $"The bundle has no appspec.yml or appspec.yaml at its root (or in its single top-level folder).{hint}", 1, 1, "")]);
        }

        var parsed = AppSpecParser.Parse(readText(location.AppSpecPath) ?? "", options);
        var diagnostics = parsed.Diagnostics.ToBuilder();
        if (parsed.Draft is { } draft)
        {
            CheckReferences(draft, listing, location.RootPrefix, diagnostics);
        }

        var all = diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToImmutableArray();
        return new BundleValidationResult(location.AppSpecPath, all.Any(d => d.IsError) ? null : parsed.Draft, all);
    }

    private static void CheckReferences(AppSpecDocument doc, BundleListing listing, string root, ImmutableArray<AppSpecDiagnostic>.Builder diagnostics)
    {
        foreach (var (lifecycleEvent, scripts) in doc.Hooks)
        {
            for (var i = 0; i < scripts.Length; i++)
            {
                var s = scripts[i];
                if (!listing.IsFile(root + s.BundleLocation))
                {
                    var what = listing.IsDirectory(root + s.BundleLocation) ? "is a directory, not a script" : "is not in the bundle";
                    diagnostics.Add(new AppSpecDiagnostic(AppSpecDiagnosticCode.ScriptMissing, AppSpecSeverity.Error,
                        $"Script '{s.Location}' ({lifecycleEvent}) {what}; the event would fail with ScriptMissing. Add the file or fix the path (relative to the bundle root).",
                        s.Line, s.Column, $"hooks.{lifecycleEvent}[{i}].location"));
                }
            }
        }

        var destinations = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Files.Length; i++)
        {
            var f = doc.Files[i];
            if (f.BundleSource.IndexOfAny(['*', '?', '[']) >= 0)
            {
                continue;
            }

            if (f.BundleSource.Length > 0 && !listing.Exists(root + f.BundleSource))
            {
                diagnostics.Add(new AppSpecDiagnostic(AppSpecDiagnosticCode.SourceMissing, AppSpecSeverity.Error,
                    $"source '{f.Source}' is not in the bundle; Install would fail. Sources are relative to the bundle root ('/' means everything).",
                    f.Line, f.Column, $"files[{i}].source"));
                continue;
            }

            foreach (var target in Targets(f, listing, root))
            {
                if (destinations.TryGetValue(target, out var first) && first != i)
                {
                    if (diagnostics.Any(d => d.Code == AppSpecDiagnosticCode.DuplicateDestination && d.Line == f.Line && d.Column == f.Column))
                    {
                        break; // the parser already reported this pair
                    }

                    diagnostics.Add(new AppSpecDiagnostic(AppSpecDiagnosticCode.DuplicateDestination, AppSpecSeverity.Error,
                        $"files[{i}] and files[{first}] both copy a file to '{target}'; CodeDeploy fails the Install. Make the mappings disjoint.",
                        f.Line, f.Column, $"files[{i}].source"));
                    break;
                }

                destinations[target] = i;
            }
        }
    }

    /// <summary>Destination file paths of one mapping: a file goes to destination/name, a folder's contents below destination.</summary>
    private static IEnumerable<string> Targets(FileMapping f, BundleListing listing, string root)
    {
        var destination = f.Destination.Replace('\\', '/').TrimEnd('/');
        var source = root + f.BundleSource;
        if (f.BundleSource.Length > 0 && listing.IsFile(source))
        {
            yield return $"{destination}/{source[(source.LastIndexOf('/') + 1)..]}";
            yield break;
        }

        var prefix = f.BundleSource.Length == 0 ? root : source + "/";
        foreach (var file in listing.Files.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)))
        {
            yield return $"{destination}/{file[prefix.Length..]}";
        }
    }
}
