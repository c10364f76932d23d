using Greenlight.Agent.Protocol;
using Microsoft.Extensions.Logging;

namespace Greenlight.Agent.Events;

/// <summary>The handlers of every lifecycle event the agent runs: DownloadBundle, Install and the script events.</summary>
public static class EventHandlers
{
    public static IReadOnlyList<IEventHandler> For(AgentOptions options, AgentClient client, ILoggerFactory loggers) => [];
}
