using Greenlight.Agent.Events;
using Greenlight.Contracts.V1;

namespace Greenlight.Agent.Runs;

/// <summary>Collects a ticket's output lines with increasing sequence numbers until they are sent with a report.</summary>
public sealed class ReportBuffer : ILogSink
{
    private readonly Lock _gate = new();
    private readonly List<AgentLogLine> _pending = [];
    private long _sequence;

    public void Write(string stream, string line)
    {
        lock (_gate)
        {
            _pending.Add(new AgentLogLine(++_sequence, stream, line));
        }
    }

    /// <summary>The lines not yet acknowledged by the server.</summary>
    public IReadOnlyList<AgentLogLine> Pending()
    {
        lock (_gate)
        {
            return [.. _pending];
        }
    }

    /// <summary>Drops the lines up to the server's cursor.</summary>
    public void Acknowledge(long cursor)
    {
        lock (_gate)
        {
            _pending.RemoveAll(l => l.Sequence <= cursor);
        }
    }
}
