using System.Text;

namespace Greenlight.Agent.Hooks;

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
