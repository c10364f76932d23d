using System.Text;

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

/// <summary>One script's output: reads a pipe line by line (a line is cut at <see cref="MaxLineLength"/> characters).</summary>
internal sealed class ScriptOutput(EventOutput owner, string location)
{
    public const int MaxLineLength = 16 * 1024;

    public string Location { get; } = location;

    public OutputTail Tail { get; } = new();

    public bool Closed { get; set; }

    public void Note(string line) => owner.Emit(this, "agent", line);

    public void Close() => owner.Close(this);

    /// <summary>Reads to end of file; a read error (the pipe closed under an abandoned reader) ends it quietly.</summary>
    public async Task ReadAsync(TextReader reader, string stream)
    {
        try
        {
            await ReadLinesAsync(reader, stream).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Nothing more to read.
        }
    }

    private async Task ReadLinesAsync(TextReader reader, string stream)
    {
        var buffer = new char[4096];
        var line = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            while (chunk.Length > 0)
            {
                var newline = chunk.IndexOf('\n');
                var take = newline < 0 ? chunk.Length : newline;
                take = Math.Min(take, MaxLineLength - line.Length);
                line.Append(chunk[..take]);
                chunk = chunk[take..];
                if (chunk.Length > 0 && chunk[0] == '\n')
                {
                    chunk = chunk[1..];
                    Flush(line, stream);
                }
                else if (line.Length >= MaxLineLength)
                {
                    Flush(line, stream);
                }
            }
        }

        if (line.Length > 0)
        {
            Flush(line, stream);
        }
    }

    private void Flush(StringBuilder line, string stream)
    {
        var text = line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
        line.Clear();
        owner.Emit(this, stream, text);
    }
}
