using System.Diagnostics;

namespace Greenlight.Server.Fleet.Local;

/// <summary>
/// Runs a launch template's bootstrap script before the instance's agent starts: written to the sandbox, run with
/// bash in the instance root (its own session, marked as the instance's), with GREENLIGHT_INSTANCE_ID,
/// GREENLIGHT_INSTANCE_ADDRESS and GREENLIGHT_INSTANCE_ROOT set and its output in <c>bootstrap.log</c>. A non-zero
/// exit or the timeout is a <see cref="LaunchFailedException"/>. What it leaves running in the background (a
/// <c>nohup app &amp;</c>) carries the instance's marker, so terminating the instance stops it.
/// </summary>
internal static class BootstrapRunner
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(LaunchRequest request, string script, LocalSandbox sandbox, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(sandbox.BootstrapScript, script, cancellationToken).ConfigureAwait(false);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GREENLIGHT_INSTANCE_ID"] = request.InstanceId,
            ["GREENLIGHT_INSTANCE_ADDRESS"] = request.Address,
            ["GREENLIGHT_INSTANCE_ROOT"] = sandbox.InstanceRoot,
        };
        using var process = Start(request.InstanceId, sandbox, environment);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The script leads its process group (setsid); while it is unreaped its PID cannot name another group.
            if (!process.HasExited)
            {
                _ = LibC.Kill(-process.Id, LibC.SigKill);
            }

            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new LaunchFailedException(request.InstanceId,
                $"instance {request.InstanceId}: the bootstrap script did not finish within {timeout.TotalSeconds:0} s and was killed; see {sandbox.BootstrapLog}",
                logPath: sandbox.BootstrapLog);
        }

        if (process.ExitCode != 0)
        {
            throw new LaunchFailedException(request.InstanceId,
                $"instance {request.InstanceId}: the bootstrap script exited with code {process.ExitCode}; see {sandbox.BootstrapLog}",
                process.ExitCode, sandbox.BootstrapLog);
        }
    }

    private static Process Start(string instanceId, LocalSandbox sandbox, Dictionary<string, string> environment)
    {
        try
        {
            return SessionProcess.Start(["bash", "--noprofile", "--norc", sandbox.BootstrapScript], sandbox.BootstrapLog, sandbox.InstanceRoot, instanceId, environment);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new LaunchFailedException(instanceId, $"instance {instanceId}: the bootstrap script could not be started: {e.Message}", innerException: e);
        }
    }
}
