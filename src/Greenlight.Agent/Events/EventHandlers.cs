using Greenlight.Agent.Hooks;
using Greenlight.Agent.Protocol;

namespace Greenlight.Agent.Events;

/// <summary>The handlers of every lifecycle event the agent runs: DownloadBundle, Install and the script events.</summary>
public static class EventHandlers
{
    public static IReadOnlyList<IEventHandler> For(AgentOptions options, AgentClient client) =>
    [
        new DownloadBundleHandler(options, client),
        new InstallHandler(options),
        new HookEventHandler(options, new HookRunner(AgentPaths.Logs(options.Root))),
    ];
}
