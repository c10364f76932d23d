using Greenlight.Agent.Install;
using Greenlight.Contracts.V1;
using Greenlight.Core.AppSpec;

namespace Greenlight.Agent.Events;

/// <summary>The Install event: copies this deployment's files and applies permissions (<see cref="Installer"/>).</summary>
public sealed class InstallHandler(AgentOptions options) : IEventHandler
{
    private readonly Installer _installer = new();

    public bool Handles(string lifecycleEvent) => lifecycleEvent == "Install";

    public async Task<EventOutcome> RunAsync(AgentTicket ticket, ILogSink log, Action<Hooks.HookProcessRecord> processStarted, CancellationToken cancellationToken)
    {
        var revision = RevisionLoader.Load(AgentPaths.DeploymentRoot(options.Root, ticket.DeploymentGroupId, ticket.DeploymentId));
        var behavior = ticket.FileExistsBehavior switch
        {
            "OVERWRITE" => FileExistsBehavior.Overwrite,
            "RETAIN" => FileExistsBehavior.Retain,
            _ => FileExistsBehavior.Disallow,
        };
        var request = new InstallRequest(revision.AppSpec, revision.BundleRoot, ticket.DeploymentGroupId, ticket.DeploymentId,
            AgentPaths.Instructions(options.Root), behavior, options.InstanceRoot);
        var result = await _installer.InstallAsync(request, cancellationToken);
        foreach (var path in result.Written)
        {
            log.Write("install", "wrote " + path);
        }

        return result.Succeeded
            ? EventOutcome.Success
            : EventOutcome.Failure(result.Error!.Code.ToString(), result.Error.Message);
    }
}
