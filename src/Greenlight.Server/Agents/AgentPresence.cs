using System.Collections.Concurrent;

namespace Greenlight.Server.Agents;

/// <summary>When each instance's agent was last heard from (a poll or a report). Kept in memory: after a restart every agent gets a full timeout.</summary>
public sealed class AgentPresence(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _started = time.GetUtcNow();

    public void Seen(string instance) => _seen[instance] = time.GetUtcNow();

    /// <summary>The last time the agent was heard from since this server started, or null.</summary>
    public DateTimeOffset? LastHeard(string instance) => _seen.TryGetValue(instance, out var at) ? at : null;

    /// <summary>The last time the agent was heard from, or the server's start if not since.</summary>
    public DateTimeOffset LastSeen(string instance) => _seen.TryGetValue(instance, out var at) ? at : _started;
}
