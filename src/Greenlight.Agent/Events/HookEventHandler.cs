using Greenlight.Agent.Hooks;
using Greenlight.Contracts.V1;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Agent.Events;

/// <summary>
/// A scriptable event (ApplicationStop, BeforeInstall, AfterInstall, ApplicationStart, ValidateService and the
/// traffic events): the appspec scripts of the revision the lifecycle plan names, run by <see cref="HookRunner"/>
/// with CodeDeploy's environment plus Greenlight's. No revision yet (a first deployment's ApplicationStop) or no
/// scripts for the event is a success that runs nothing.
/// </summary>
public sealed class HookEventHandler(AgentOptions options, HookRunner runner) : IEventHandler
{
    public bool Handles(string lifecycleEvent) =>
        Enum.TryParse<LifecycleEvent>(lifecycleEvent, out var e) && Core.Lifecycle.LifecycleEventInfo.IsScriptable(e);

    public async Task<EventOutcome> RunAsync(AgentTicket ticket, ILogSink log, Action<HookProcessRecord> processStarted, CancellationToken cancellationToken)
    {
        var lifecycleEvent = Enum.Parse<LifecycleEvent>(ticket.LifecycleEvent);
        var source = Enum.TryParse<ScriptSource>(ticket.ScriptSource, out var s) ? s : ScriptSource.CurrentRevision;
        if (RevisionLoader.DeploymentRootFor(options.Root, ticket.DeploymentGroupId, ticket.DeploymentId, source) is not { } root)
        {
            log.Write("agent", $"no {source} revision on this host yet: {ticket.LifecycleEvent} has nothing to run");
            return EventOutcome.Success;
        }

        var revision = RevisionLoader.Load(root);
        var scripts = revision.AppSpec.ScriptsFor(lifecycleEvent)
            .Select(h => new HookScript(Path.Combine(revision.BundleRoot, h.BundleLocation), h.TimeoutSeconds, h.RunAs))
            .ToList();
        if (scripts.Count == 0)
        {
            return EventOutcome.Success;
        }

        var request = new HookEventRequest(ticket.LifecycleEvent, ticket.DeploymentId, revision.BundleRoot, scripts)
        {
            Environment = new Dictionary<string, string>
            {
                ["LIFECYCLE_EVENT"] = ticket.LifecycleEvent,
                ["DEPLOYMENT_ID"] = ticket.DeploymentId,
                ["APPLICATION_NAME"] = ticket.ApplicationName,
                ["DEPLOYMENT_GROUP_NAME"] = ticket.DeploymentGroupName,
                ["DEPLOYMENT_GROUP_ID"] = ticket.DeploymentGroupId,
                ["GREENLIGHT_INSTANCE_ID"] = options.InstanceName,
                ["GREENLIGHT_INSTANCE_ADDRESS"] = options.Address,
                ["GREENLIGHT_INSTANCE_ROOT"] = options.InstanceRoot ?? "",
                ["GREENLIGHT_REVISION_SHA256"] = ticket.Revision,
            },
            AllowedRunAsUsers = options.RunAsAllowList?.ToHashSet(StringComparer.Ordinal),
            ScriptStarted = processStarted,
        };
        var result = await runner.RunEventAsync(request, new SinkAdapter(log), cancellationToken);
        return result.Succeeded
            ? EventOutcome.Success
            : EventOutcome.Failure(result.Code.ToString(), result.Message, result.ScriptLocation, result.LogTail);
    }

    private sealed class SinkAdapter(ILogSink log) : IHookOutputSink
    {
        public void WriteLine(long sequence, string stream, string line) => log.Write(stream, line);
    }
}
