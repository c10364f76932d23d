using Greenlight.Agent.Protocol;
using Greenlight.Bundles;
using Greenlight.Bundles.Extraction;
using Greenlight.Contracts.V1;
using Greenlight.Core.AppSpec;

namespace Greenlight.Agent.Events;

/// <summary>
/// DownloadBundle: fetch the revision, check its SHA-256 against the ticket, extract it confined
/// (<see cref="SafeExtractor"/>) into <c>deployment-archive</c>, move a single top-level folder holding the appspec up
/// to be the archive root (as CodeDeploy's agent does), and keep at most <see cref="AgentOptions.MaxRevisions"/>
/// deployment folders of the group (<see cref="RevisionRetention"/>). A bundle of the same SHA-256 kept from an earlier
/// deployment (a rollback to a revision this host ran) is copied instead of downloaded (<see cref="BundleReuse"/>).
/// </summary>
public sealed class DownloadBundleHandler(AgentOptions options, AgentClient client) : IEventHandler
{
    public bool Handles(string lifecycleEvent) => lifecycleEvent == "DownloadBundle";

    public async Task<EventOutcome> RunAsync(AgentTicket ticket, ILogSink log, Action<Hooks.HookProcessRecord> processStarted, CancellationToken cancellationToken)
    {
        if (!BundleTypes.TryParse(ticket.BundleType, out var type))
        {
            return EventOutcome.Failure("UnknownError", $"bundle type '{ticket.BundleType}' is not zip, tar or tgz");
        }

        var deploymentRoot = AgentPaths.DeploymentRoot(options.Root, ticket.DeploymentGroupId, ticket.DeploymentId);
        Directory.CreateDirectory(deploymentRoot);
        var bundle = Path.Combine(deploymentRoot, "bundle." + type.ToName());
        if (await BundleReuse.TryCopyAsync(options.Root, ticket.Revision, bundle, cancellationToken) is { } reusedFrom)
        {
            log.Write("agent", $"reused the bundle already on this host from deployment {reusedFrom} ({new FileInfo(bundle).Length} bytes, SHA-256 verified); no download");
        }
        else
        {
            var sha = await client.DownloadAsync(ticket.ApplicationName, ticket.Revision, bundle, options.MaxBundleBytes, options.DownloadDeadline, cancellationToken);
            if (!string.Equals(sha, ticket.Revision, StringComparison.OrdinalIgnoreCase))
            {
                File.Delete(bundle);
                return EventOutcome.Failure("BundleVerificationFailed", $"the downloaded bundle's SHA-256 is {sha}, not the revision's {ticket.Revision}");
            }

            log.Write("agent", $"downloaded {new FileInfo(bundle).Length} bytes, SHA-256 verified");
        }

        var archive = Path.Combine(deploymentRoot, "deployment-archive");
        if (Directory.Exists(archive))
        {
            Directory.Delete(archive, recursive: true);
        }

        var result = await SafeExtractor.ExtractAsync(bundle, type, archive, new ExtractionLimits(), cancellationToken);
        if (!result.IsSuccess)
        {
            return EventOutcome.Failure(result.Code.ToString(), result.Message);
        }

        log.Write("agent", $"extracted {result.EntryCount} entries ({result.TotalBytes} bytes)");
        HoistSingleTopLevelFolder(archive);
        var lastGood = RevisionLoader.DeploymentRootFor(options.Root, ticket.DeploymentGroupId, "", Core.Lifecycle.ScriptSource.LastSuccessfulInstall);
        RevisionRetention.Prune(Path.Combine(options.Root, ticket.DeploymentGroupId), options.MaxRevisions, [deploymentRoot, lastGood]);
        return EventOutcome.Success;
    }

    /// <summary>After a crash mid-DownloadBundle: remove the half-extracted archive and the partial download.</summary>
    public static void CleanUpInterrupted(AgentOptions options, AgentTicket ticket)
    {
        var deploymentRoot = AgentPaths.DeploymentRoot(options.Root, ticket.DeploymentGroupId, ticket.DeploymentId);
        if (Directory.Exists(deploymentRoot))
        {
            Directory.Delete(deploymentRoot, recursive: true);
        }
    }

    private static void HoistSingleTopLevelFolder(string archive)
    {
        var location = AppSpecLocator.Locate(new BundleListing(DirectoryBundle.Open(archive).Entries));
        if (location is not { RootPrefix.Length: > 0 })
        {
            return;
        }

        var moving = archive + ".hoist";
        Directory.Move(archive, moving);
        Directory.Move(Path.Combine(moving, location.RootPrefix.TrimEnd('/')), archive);
        Directory.Delete(moving, recursive: true);
    }
}
