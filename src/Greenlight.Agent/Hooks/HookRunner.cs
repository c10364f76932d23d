using System.ComponentModel;
using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using System.Text.RegularExpressions;
using Greenlight.Agent.Native;

namespace Greenlight.Agent.Hooks;

/// <summary>
/// Runs the scripts of one lifecycle event, in listed order, stopping at the first failure
/// (codedeploy-semantics.md §1.6, §2.3, §2.4).
/// <para>
/// <b>How a script runs.</b> <c>setsid bash --noprofile --norc &lt;path&gt;</c>, or with <c>runas</c>
/// <c>setsid runuser -u &lt;user&gt; -- bash --noprofile --norc &lt;path&gt;</c>, always as an argument list (never
/// <c>su -c "&lt;string&gt;"</c>, never a login or interactive shell: root's profile costs seconds). The execute
/// bit is not needed since bash reads the file (CodeDeploy instead runs <c>chmod +x</c>), so
/// <see cref="HookErrorCode.ScriptNotExecutable"/> is never produced. The path run is the script's canonical
/// path, checked to be a file inside the bundle root. The environment is the agent's plus the request's
/// variables plus <see cref="RunMarkerVariable"/> (a fresh GUID per script); stdin is closed.
/// </para>
/// <para>
/// <b>How the tree is killed</b> (timeout or cancellation). <c>setsid</c> gives the script its own session and
/// process group, whose id is the script's pid, and the agent makes itself a child subreaper
/// (<c>prctl(PR_SET_CHILD_SUBREAPER)</c>, once), so descendants whose parent dies are re-parented to the agent
/// instead of init. The runner sends SIGTERM to the process group and to every member of the tree, waits up to
/// <see cref="HookEventRequest.GracePeriod"/> for them to exit, then sends SIGKILL to the group and to every
/// member until none is alive. Members are found by walking <c>/proc/*/stat</c> (parent chain to the script,
/// same process group or session) and <c>/proc/*/environ</c> (the run marker), which catches double-forked
/// <c>setsid</c> daemons that left the group; zombies re-parented to the agent are reaped. .NET's
/// <c>Process.Kill(entireProcessTree: true)</c> misses those daemons (reliability.md §2.2). After an agent
/// restart, <see cref="KillLeftoversAsync"/> does the same from a persisted <see cref="HookProcessRecord"/>.
/// </para>
/// <para>
/// <b>Outputs left open.</b> When the script exits but a background child still holds stdout or stderr,
/// the runner waits up to the grace period for the pipes to close, then kills the processes that hold them
/// (found through <c>/proc/*/fd</c>; they would die of SIGPIPE at their next write anyway once the agent stops
/// reading), logs "outputs left open by a background process (redirect its output)" and uses the script's
/// exit code. <b>Deviation:</b> CodeDeploy waits for the whole timeout and then fails the event with
/// <c>OUTPUTS_LEFT_OPEN</c> (aws-codedeploy-agent#118); a background process that redirected its output is
/// left running, as in CodeDeploy (that is how ApplicationStart starts a service).
/// </para>
/// <para>
/// <b>Output.</b> Lines of stdout and stderr go, with one strictly increasing sequence number per event,
/// to the <see cref="IHookOutputSink"/> and to <c>scripts.log</c> (<see cref="ScriptLog"/>); the last
/// ~4 KiB of the failing script's output is the result's log tail. Environment values are never logged.
/// </para>
/// </summary>
public sealed partial class HookRunner(ScriptLog log)
{
    /// <summary>Set, to a fresh GUID, in the environment of every script; inherited by its descendants.</summary>
    public const string RunMarkerVariable = "GREENLIGHT_HOOK_RUN";

    private static readonly TimeSpan DrainAfterKill = TimeSpan.FromSeconds(2);
    private static readonly string Bash = FindTool("bash");
    private static readonly string Setsid = FindTool("setsid");
    private static readonly string Runuser = FindTool("runuser");

    public HookRunner(string logDirectory)
        : this(new ScriptLog(logDirectory))
    {
    }

    public ScriptLog Log => log;

    /// <summary>Runs <paramref name="request"/>'s scripts in order and returns success or the first failure.</summary>
    public async Task<HookEventResult> RunEventAsync(HookEventRequest request, IHookOutputSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        var output = new EventOutput(request, sink, log);
        if (InvalidEnvironment(request.Environment) is { } envError)
        {
            return new(HookErrorCode.UnknownError, null, null, envError, "", output.LastSequence);
        }

        // Subreaper from the first event on; orphans inherited since the last event are reaped (one /proc scan).
        ProcessTreeKiller.EnsureSubreaper();
        ProcessTreeKiller.ReapOrphans();
        var lastTail = "";
        foreach (var script in request.Scripts)
        {
            var (failure, tail) = await RunScriptAsync(request, script, output, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return failure with { LastSequence = output.LastSequence };
            }

            lastTail = tail;
        }

        return new(HookErrorCode.Success, null, 0, "Succeeded", lastTail, output.LastSequence);
    }

    /// <summary>
    /// The agent's restart path: kills whatever is left of a script's tree recorded before the agent died
    /// (SIGTERM, <paramref name="termGrace"/>, then SIGKILL; members found as described on the class).
    /// Returns whether nothing of the tree is left alive.
    /// </summary>
    public static Task<bool> KillLeftoversAsync(HookProcessRecord record, TimeSpan termGrace)
    {
        ArgumentNullException.ThrowIfNull(record);
        ProcessTreeKiller.EnsureSubreaper();
        return ProcessTreeKiller.KillTreeAsync(record, termGrace, ownedPid: null);
    }

    /// <summary>
    /// Reaps orphans re-parented to the agent (it is a child subreaper) that have exited: processes left running
    /// by hooks, such as services started by ApplicationStart, become the agent's children when their parent
    /// exits, and nothing else waits for them. Call it now and then (the runner also calls it at the start of each event).
    /// Only zombie children in a session other than the agent's and not a running script are reaped, so children
    /// the agent starts through <see cref="Process"/> in its own session keep their exit status; other agent
    /// code must not start children under <c>setsid</c>. Returns how many were reaped.
    /// </summary>
    public static int ReapOrphans() => ProcessTreeKiller.ReapOrphans();

    private async Task<(HookEventResult? Failure, string Tail)> RunScriptAsync(
        HookEventRequest request, HookScript script, EventOutput output, CancellationToken cancellationToken)
    {
        var location = Path.IsPathRooted(script.Path) ? Path.GetRelativePath(request.BundleRoot, script.Path) : script.Path;
        var user = script.RunAs ?? Environment.UserName;
        HookEventResult Fail(HookErrorCode code, string message, int? exitCode = null, string tail = "") =>
            new(code, location, exitCode, message, tail, 0);

        if (script.TimeoutSeconds is < 1 or > HookScript.MaxTimeoutSeconds)
        {
            return (Fail(HookErrorCode.UnknownError, $"Script at specified location: {location} has an invalid timeout {script.TimeoutSeconds} (must be 1 to {HookScript.MaxTimeoutSeconds} seconds)"), "");
        }

        if (script.RunAs is { } runAs && RefusedRunAs(runAs, request.AllowedRunAsUsers) is { } why)
        {
            return (Fail(HookErrorCode.ScriptFailed, $"Script at specified location: {location} cannot run as user {runAs}: {why}"), "");
        }

        if (ResolveScript(script.Path, request.BundleRoot) is not { } resolved)
        {
            return (Fail(HookErrorCode.ScriptMissing, $"Script does not exist at specified location: {script.Path}"), "");
        }

        if (resolved.Error is { } pathError)
        {
            return (Fail(HookErrorCode.ScriptMissing, $"Script at specified location: {location} {pathError}"), "");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return (Fail(HookErrorCode.UnknownError, $"Script at specified location: {location} run as user {user} was cancelled before it started"), "");
        }

        var marker = Guid.NewGuid().ToString("N");
        using var process = new Process { StartInfo = StartInfo(request, script.RunAs, resolved.Path, marker) };
        var scriptOutput = output.ForScript(location);
        output.LogOnly(location, $"starting as user {user} (timeout {script.TimeoutSeconds} s)");
        try
        {
            ProcessTreeKiller.Start(process);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return (Fail(HookErrorCode.UnknownError, $"Script at specified location: {location} could not be started: {e.Message}"), "");
        }

        process.StandardInput.Close();
        var record = new HookProcessRecord(process.Id, ProcEntry.TryRead(process.Id)?.StartTime ?? 0, marker);
        try
        {
            request.ScriptStarted?.Invoke(record);
        }
#pragma warning disable CA1031 // Whatever the caller's failure, the script must not run unrecorded.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await ProcessTreeKiller.KillTreeAsync(record, TimeSpan.Zero, process.Id).ConfigureAwait(false);
            await Completes(process.WaitForExitAsync(CancellationToken.None), DrainAfterKill).ConfigureAwait(false);
            ProcessTreeKiller.Forget(process.Id);
            return (Fail(HookErrorCode.UnknownError, $"Script at specified location: {location} was stopped: recording its process failed ({e.GetType().Name})"), "");
        }

        var pipes = new HashSet<string>(StringComparer.Ordinal);
        AddPipe(pipes, process.StandardOutput.BaseStream);
        AddPipe(pipes, process.StandardError.BaseStream);
        var readers = Task.WhenAll(
            Task.Run(() => scriptOutput.ReadAsync(process.StandardOutput, "stdout"), CancellationToken.None),
            Task.Run(() => scriptOutput.ReadAsync(process.StandardError, "stderr"), CancellationToken.None));

        var exited = await WaitForExitAsync(process, TimeSpan.FromSeconds(script.TimeoutSeconds), cancellationToken).ConfigureAwait(false);
        if (!exited)
        {
            var gone = await ProcessTreeKiller.KillTreeAsync(record, request.GracePeriod, process.Id).ConfigureAwait(false);
            output.LogOnly(location, gone ? "killed the script's process tree" : "some processes of the script's tree could not be killed");
        }

        if (await Completes(process.WaitForExitAsync(CancellationToken.None), DrainAfterKill).ConfigureAwait(false))
        {
            ProcessTreeKiller.Forget(process.Id);
        }
        else
        {
            output.LogOnly(location, "the script process did not exit after SIGKILL");
        }

        await DrainAsync(readers, scriptOutput, pipes, exited ? request.GracePeriod : DrainAfterKill).ConfigureAwait(false);
        scriptOutput.Close();
        var tail = scriptOutput.Tail.ToString();
        output.LogOnly(location, exited ? $"exited with code {process.ExitCode}" : "stopped after timeout or cancellation");

        if (!exited)
        {
            return cancellationToken.IsCancellationRequested
                ? (Fail(HookErrorCode.UnknownError, $"Script at specified location: {location} run as user {user} was cancelled", tail: tail), tail)
                : (Fail(HookErrorCode.ScriptTimedOut, $"Script at specified location: {location} run as user {user} failed to complete in {script.TimeoutSeconds} seconds", tail: tail), tail);
        }

        var exitCode = process.ExitCode;
        return exitCode == 0
            ? (null, tail)
            : (Fail(HookErrorCode.ScriptFailed, $"Script at specified location: {location} run as user {user} failed with exit code {exitCode}", exitCode, tail), tail);
    }

    /// <summary>True when the script exited by itself; false on timeout or cancellation.</summary>
    private static async Task<bool> WaitForExitAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits for stdout and stderr to reach end of file. If something still holds them after
    /// <paramref name="grace"/>, kills the holders, notes it, and waits a little more before giving up on the readers.
    /// </summary>
    private static async Task DrainAsync(Task readers, ScriptOutput output, IReadOnlySet<string> pipes, TimeSpan grace)
    {
        if (await Completes(readers, grace).ConfigureAwait(false))
        {
            return;
        }

        output.Note("outputs left open by a background process (redirect its output); the processes holding them were killed");
        if (pipes.Count > 0)
        {
            ProcessTreeKiller.KillPipeHolders(pipes);
        }

        if (!await Completes(readers, DrainAfterKill).ConfigureAwait(false))
        {
            output.Note("stopped reading outputs that stayed open");
        }
    }

    private static async Task<bool> Completes(Task task, TimeSpan within)
    {
        try
        {
            await task.WaitAsync(within).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static ProcessStartInfo StartInfo(HookEventRequest request, string? runAs, string path, string marker)
    {
        var info = new ProcessStartInfo(Setsid)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = request.WorkingDirectory,
        };
        if (runAs is not null)
        {
            foreach (var a in (string[])[Runuser, "-u", runAs, "--"])
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var a in (string[])[Bash, "--noprofile", "--norc", path])
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (name, value) in request.Environment)
        {
            info.Environment[name] = value;
        }

        info.Environment[RunMarkerVariable] = marker;
        return info;
    }

    private static void AddPipe(HashSet<string> pipes, Stream stream)
    {
        if (stream is PipeStream pipe && new FileInfo($"/proc/self/fd/{pipe.SafePipeHandle.DangerousGetHandle()}").LinkTarget is { } target)
        {
            pipes.Add(target);
        }
    }

    private static string? InvalidEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        foreach (var (name, value) in environment)
        {
            if (!EnvironmentName().IsMatch(name))
            {
                return $"Invalid environment variable name '{name}': names must match ^[A-Z_][A-Z0-9_]*$";
            }

            if (name == RunMarkerVariable)
            {
                return $"Environment variable {name} is reserved for the agent";
            }

            if (value.Contains('\0', StringComparison.Ordinal))
            {
                return $"Environment variable {name} has a NUL character in its value";
            }
        }

        return null;
    }

    private static string? RefusedRunAs(string user, IReadOnlySet<string>? allowed)
    {
        if (!UserName().IsMatch(user))
        {
            return "not a plain user name (^[a-z_][a-z0-9_-]{0,31}$)";
        }

        return allowed is null || allowed.Contains(user) ? null : "the user is not on the agent's runas allow-list";
    }

    /// <summary>Null when the script does not exist; otherwise its canonical path, or why it may not run.</summary>
    private static (string Path, string? Error)? ResolveScript(string path, string bundleRoot)
    {
        if (!Path.IsPathRooted(path))
        {
            return null;
        }

        var real = LibC.RealPath(path, out _);
        if (real is null || !Path.Exists(real))
        {
            return null;
        }

        if (Directory.Exists(real))
        {
            return (real, "is a directory, not a regular file");
        }

        var root = LibC.RealPath(bundleRoot, out _);
        if (root is null || !real.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal))
        {
            return (real, "resolves outside the bundle root");
        }

        return (real, null);
    }

    private static string FindTool(string name) =>
        new[] { "/usr/bin", "/bin", "/usr/sbin", "/sbin" }.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists) ?? name;

    [GeneratedRegex(@"^[A-Z_][A-Z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentName();

    [GeneratedRegex(@"^[a-z_][a-z0-9_-]{0,31}\z", RegexOptions.CultureInvariant)]
    private static partial Regex UserName();
}
