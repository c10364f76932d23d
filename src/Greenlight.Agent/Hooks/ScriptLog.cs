using System.Globalization;
using System.Text;

namespace Greenlight.Agent.Hooks;

/// <summary>
/// The host log of script output, <c>scripts.log</c> in the agent's log directory, like CodeDeploy's
/// <c>deployment-logs/codedeploy-agent-deployments.log</c>. Rotates when a write would pass
/// <see cref="MaxBytes"/>: <c>scripts.log</c> → <c>.1</c> → ... → <c>.{Keep}</c>, the oldest dropped.
/// Only script output and the runner's notes are written, never environment values. Thread-safe within one
/// instance: the agent should share one <see cref="HookRunner"/> (or one <see cref="ScriptLog"/>), since two
/// instances on the same directory could race while rotating.
/// </summary>
public sealed class ScriptLog(string logDirectory, long maxBytes = ScriptLog.DefaultMaxBytes, int keep = ScriptLog.DefaultKeep)
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;
    public const int DefaultKeep = 3;
    public const string FileName = "scripts.log";

    private readonly Lock _lock = new();

    public string FilePath { get; } = Path.Combine(logDirectory, FileName);

    public long MaxBytes => maxBytes;

    public int Keep => keep;

    /// <summary>Appends one line: <c>[time] [deployment] [event] [script] [stream] line</c>. I/O errors are swallowed (the log is best effort).</summary>
    public void Write(string deploymentId, string lifecycleEvent, string script, string stream, string line)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"[{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss.fff}] [{deploymentId}] [{lifecycleEvent}] [{script}] [{stream}] {line}\n");
        var bytes = Encoding.UTF8.GetBytes(text);
        lock (_lock)
        {
            try
            {
                Directory.CreateDirectory(logDirectory);
                var length = File.Exists(FilePath) ? new FileInfo(FilePath).Length : 0;
                if (length > 0 && length + bytes.Length > maxBytes)
                {
                    Rotate();
                }

                using var file = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                file.Write(bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A full disk must not fail the deployment; the sink still has every line.
            }
        }
    }

    private void Rotate()
    {
        var oldest = $"{FilePath}.{keep}";
        if (File.Exists(oldest))
        {
            File.Delete(oldest);
        }

        for (var i = keep - 1; i >= 1; i--)
        {
            var from = $"{FilePath}.{i}";
            if (File.Exists(from))
            {
                File.Move(from, $"{FilePath}.{i + 1}");
            }
        }

        if (keep >= 1)
        {
            File.Move(FilePath, $"{FilePath}.1");
        }
        else
        {
            File.Delete(FilePath);
        }
    }
}
