namespace Greenlight.Agent.Hooks;

/// <summary>
/// Receives every output line of an event's scripts, for streaming to the server. Sequence numbers are strictly
/// increasing across the whole event (both streams, every script), so a resumed stream can drop duplicates.
/// Calls are serialised by the runner. <c>stream</c> is <c>stdout</c>, <c>stderr</c>, or <c>agent</c> for
/// the runner's own notes (for example outputs left open). Implementations should not block for long: the
/// script's pipe is not read while they run.
/// </summary>
public interface IHookOutputSink
{
    void WriteLine(long sequence, string stream, string line);
}
