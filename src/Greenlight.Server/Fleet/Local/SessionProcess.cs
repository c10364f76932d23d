using System.Diagnostics;

namespace Greenlight.Server.Fleet.Local;

/// <summary>
/// Starts a local instance's process in a session of its own, its output appended to a log file:
/// <c>setsid /bin/sh -c 'exec "$@" &lt;/dev/null &gt;&gt;LOG 2&gt;&amp;1' COMMAND...</c>. A child of this process is
/// never a process-group leader, so <c>setsid</c> calls setsid(2) and execs in place, and so does the shell: the PID
/// returned is the command's own, it leads its session and process group, and Ctrl-C on the server's terminal does
/// not reach it. Its output never passes through the server, so the server cannot block on it. The pipes .NET gives
/// the child are only read (and dropped) until the shell replaces them, so .NET leaves the terminal alone.
/// The returned <see cref="Process"/> must be kept until the child has exited: .NET reaps the children it started.
/// </summary>
internal static class SessionProcess
{
    private const string RedirectAndExec = "log=$1; shift; exec \"$@\" </dev/null >>\"$log\" 2>&1";

    public static Process Start(IEnumerable<string> command, string logPath, string workingDirectory, string instanceId, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in (string[])["/bin/sh", "-c", RedirectAndExec, "greenlight-local", logPath, .. command])
        {
            info.ArgumentList.Add(argument);
        }

        InstanceMarker.Apply(info, instanceId);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("setsid did not start");
        process.StandardInput.Close();
        Drop(process.StandardOutput);
        Drop(process.StandardError);
        return process;
    }

    /// <summary>Reads to end of file (reached as soon as the shell redirects) so nothing written before that can block.</summary>
    private static void Drop(StreamReader reader) =>
        _ = reader.BaseStream.CopyToAsync(Stream.Null).ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
