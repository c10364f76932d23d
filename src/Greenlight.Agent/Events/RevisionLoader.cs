using Greenlight.Core.AppSpec;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Agent.Events;

/// <summary>
/// Finds the revision whose appspec and scripts an event uses (codedeploy-semantics §2.1): this deployment's archive
/// for CurrentRevision; the folder named in <c>&lt;dgid&gt;_last_successful_install</c> or <c>_most_recent_install</c>
/// for the others. None (an instance's first deployment) means the event has nothing to run. The appspec is found
/// like CodeDeploy's agent finds it (appspec.yml, then appspec.yaml; a single top-level folder is the root) and parsed
/// with the same rules as <c>greenlight validate</c>.
/// </summary>
public static class RevisionLoader
{
    public static string MarkerPath(string root, string deploymentGroupId, string marker) =>
        Path.Combine(AgentPaths.Instructions(root), $"{deploymentGroupId}_{marker}");

    /// <summary>The deployment root the event's scripts come from, or null when there is none yet.</summary>
    public static string? DeploymentRootFor(string root, string deploymentGroupId, string deploymentId, ScriptSource source) => source switch
    {
        ScriptSource.CurrentRevision => AgentPaths.DeploymentRoot(root, deploymentGroupId, deploymentId),
        ScriptSource.LastSuccessfulInstall => ReadMarker(MarkerPath(root, deploymentGroupId, "last_successful_install")),
        ScriptSource.MostRecentInstall => ReadMarker(MarkerPath(root, deploymentGroupId, "most_recent_install")),
        _ => null,
    };

    /// <summary>Loads the appspec of the revision extracted under <paramref name="deploymentRoot"/>; an error names the problem.</summary>
    public static LoadedRevision Load(string deploymentRoot)
    {
        var archive = Path.Combine(deploymentRoot, "deployment-archive");
        if (!Directory.Exists(archive))
        {
            throw new InvalidDataException($"no extracted revision at {archive}");
        }

        var contents = Bundles.DirectoryBundle.Open(archive);
        var location = AppSpecLocator.Locate(new BundleListing(contents.Entries))
            ?? throw new InvalidDataException($"no appspec.yml or appspec.yaml in {archive}");
        var text = contents.ReadText(location.AppSpecPath) ?? throw new InvalidDataException($"cannot read {location.AppSpecPath}");
        var parsed = AppSpecParser.Parse(text);
        if (parsed.Document is not { } document)
        {
            var first = parsed.Diagnostics.First(d => d.Severity == AppSpecSeverity.Error);
            throw new InvalidDataException($"{location.AppSpecPath}:{first.Line}:{first.Column}: {first.Code}: {first.Message}");
        }

        var bundleRoot = string.IsNullOrEmpty(location.RootPrefix) ? archive : Path.Combine(archive, location.RootPrefix.TrimEnd('/'));
        return new LoadedRevision(deploymentRoot, bundleRoot, document);
    }

    private static string? ReadMarker(string path) =>
        File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } target && Directory.Exists(target) ? target : null;
}
