namespace Greenlight.Agent.Hooks;

/// <summary>
/// Numbers an event's output lines and fans each one out to the sink, the host log and the script's tail.
/// One instance per event; <see cref="ForScript"/> starts a script's view, which can be closed so readers
/// abandoned after a timeout never write into a later script or after the result.
/// </summary>
internal sealed class EventOutput(HookEventRequest request, IHookOutputSink sink, ScriptLog log)
{
    private readonly Lock _lock = new();
    private long _next = request.FirstSequence;

    public long LastSequence
    {
        get
        {
            lock (_lock)
            {
                return _next - 1;
            }
        }
    }

    public ScriptOutput ForScript(string location) => new(this, location);

    /// <summary>A line in the host log only (start, exit); not streamed and not in the tail.</summary>
    public void LogOnly(string location, string line) => log.Write(request.DeploymentId, request.LifecycleEvent, location, "agent", line);

    internal void Emit(ScriptOutput script, string stream, string line)
    {
        lock (_lock)
        {
            if (script.Closed)
            {
                return;
            }

            var sequence = _next++;
            try
            {
                sink.WriteLine(sequence, stream, line);
            }
#pragma warning disable CA1031 // A failing sink must not stop the pipe being read (the script would block on write).
            catch (Exception)
#pragma warning restore CA1031
            {
                log.Write(request.DeploymentId, request.LifecycleEvent, script.Location, "agent", $"output sink failed for line {sequence}");
            }

            log.Write(request.DeploymentId, request.LifecycleEvent, script.Location, stream, line);
            script.Tail.Append(stream, line);
        }
    }

    internal void Close(ScriptOutput script)
    {
        lock (_lock)
        {
            script.Closed = true;
        }
    }
}
