namespace Greenlight.Agent.Install;

/// <summary>
/// The agent's Install lifecycle event (codedeploy-semantics §1.3-1.5, §2.1):
/// <list type="number">
/// <item>write <c>&lt;dgid&gt;_most_recent_install</c> (the deployment root);</item>
/// <item>remove what the group's previous Install recorded in <c>&lt;dgid&gt;-cleanup</c>;</item>
/// <item>plan every copy and permission against the disk as it now stands — conflicts, DISALLOW, unknown
/// users, malformed ACLs and missing tools fail here, before anything is written (the old cleanup file is
/// then left as it was, like the agent);</item>
/// <item>write the cleanup file with the planned paths (a crash mid-copy still gets cleaned next time), copy
/// and create, apply permissions, rewrite the cleanup file with what was really written, and finally write
/// <c>&lt;dgid&gt;_last_successful_install</c>.</item>
/// </list>
/// A failure after copying started leaves the cleanup file listing exactly what was written, so the next
/// Install of the group removes it. Expected failures come back as <see cref="InstallResult"/> values;
/// cancellation throws <see cref="OperationCanceledException"/> after the cleanup file is written.
/// </summary>
public sealed class Installer(InstallerOptions? options = null)
{
    private readonly ExternalTools _tools = new(options?.ToolDirectories);

    public async Task<InstallResult> InstallAsync(InstallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.DeploymentGroupId.Length == 0 || request.DeploymentGroupId.IndexOfAny(['/', '\0']) >= 0 || request.DeploymentGroupId is "." or "..")
        {
            throw new ArgumentException($"'{request.DeploymentGroupId}' cannot name a file.", nameof(request));
        }

        var paths = new InstancePaths(request.InstanceRoot);
        var cleanupFile = CleanupFile.PathFor(request.InstructionsDirectory, request.DeploymentGroupId);
        var applier = new PermissionApplier(_tools);
        var recorded = new List<string>();
        var written = new List<string>();
        var copying = false;
        var completed = false;
        string? current = null;
        try
        {
            WriteMarker(request, "_most_recent_install");
            if (paths.Root is not null)
            {
                Directory.CreateDirectory(paths.Root);
            }

            await CleanupFile.RunAsync(cleanupFile, paths, _tools, cancellationToken).ConfigureAwait(false);

            var planner = new CopyPlanner(request.ArchiveDirectory, paths, request.EffectiveFileExistsBehavior);
            foreach (var mapping in request.AppSpec.Files)
            {
                planner.Add(mapping);
            }

            var permissions = applier.Prepare(PermissionPlanner.Plan(planner.Entries, request.AppSpec.Permissions, paths));

            CleanupFile.Write(cleanupFile, planner.Entries.Select(e => e.Destination));
            copying = true;
            foreach (var entry in planner.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                current = entry.Destination;
                Create(entry);
                recorded.Add(entry.Destination);
                written.Add(entry.Destination);
            }

            foreach (var permission in permissions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                current = permission.Target.Destination;
                await applier.ApplyAsync(permission, recorded, cancellationToken).ConfigureAwait(false);
            }

            current = cleanupFile;
            CleanupFile.Write(cleanupFile, recorded);
            completed = true;
            WriteMarker(request, "_last_successful_install");
            return InstallResult.Success([.. written]);
        }
        catch (InstallFailedException e)
        {
            return InstallResult.Failure(e.Error, [.. written]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var error = new InstallError(InstallErrorCode.IoFailure,
                $"The deployment failed because of a file system error{(current is null ? "" : $" at {current}")}: {e.Message}", current);
            return InstallResult.Failure(error, [.. written]);
        }
        finally
        {
            if (copying && !completed)
            {
                try
                {
                    CleanupFile.Write(cleanupFile, recorded);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The list written before copying (every planned path) stays: the next Install still removes all of it.
                }
            }
        }
    }

    private static void Create(PlannedEntry entry)
    {
        switch (entry.Kind)
        {
            case FsKind.Directory:
                Directory.CreateDirectory(entry.Destination);
                break;
            case FsKind.Symlink:
                FsEntry.CreateSymlink(entry.Destination, new FileInfo(entry.Source!).LinkTarget!);
                break;
            default:
                FsEntry.CopyFile(entry.Source!, entry.Destination);
                break;
        }
    }

    private static void WriteMarker(InstallRequest request, string suffix) =>
        FsEntry.WriteText(Path.Combine(request.InstructionsDirectory, request.DeploymentGroupId + suffix), request.DeploymentRoot);
}
