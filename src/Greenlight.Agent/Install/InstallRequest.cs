using Greenlight.Core.AppSpec;

namespace Greenlight.Agent.Install;

/// <summary>
/// One Install: the parsed AppSpec, the extracted (already confined) <c>deployment-archive</c> folder, the
/// group and deployment ids, the agent's <c>deployment-instructions</c> folder, the deployment's
/// <c>file_exists_behavior</c> (the AppSpec's top-level value wins; DISALLOW when neither sets it) and an
/// optional instance root: when set, destination <c>/opt/web</c> is written to <c>&lt;InstanceRoot&gt;/opt/web</c>
/// and nothing outside it is touched.
/// </summary>
public sealed record InstallRequest(
    AppSpecDocument AppSpec,
    string ArchiveDirectory,
    string DeploymentGroupId,
    string DeploymentId,
    string InstructionsDirectory,
    FileExistsBehavior? FileExistsBehavior = null,
    string? InstanceRoot = null)
{
    /// <summary>The folder holding the archive: what the install markers record.</summary>
    public string DeploymentRoot =>
        Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(ArchiveDirectory))) ?? ArchiveDirectory;

    public FileExistsBehavior EffectiveFileExistsBehavior =>
        AppSpec.FileExistsBehavior ?? FileExistsBehavior ?? Core.AppSpec.FileExistsBehavior.Disallow;
}
