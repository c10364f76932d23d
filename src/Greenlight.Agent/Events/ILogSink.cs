namespace Greenlight.Agent.Events;

/// <summary>Where an event's output goes, line by line: to the host log and, in order, to the server.</summary>
public interface ILogSink
{
    void Write(string stream, string line);
}
