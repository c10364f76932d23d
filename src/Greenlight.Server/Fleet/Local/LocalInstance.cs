using System.Diagnostics;

namespace Greenlight.Server.Fleet.Local;

/// <summary>
/// An instance the provider knows: launched by it (with the <see cref="Process"/> of its agent, kept so .NET reaps
/// the agent when it exits) or adopted after a server restart (no process object: it is not this server's child).
/// </summary>
internal sealed record LocalInstance(LaunchedInstance Launched, Process? Child)
{
    public AgentProcessRecord Agent => new(Launched.ProcessId, Launched.ProcessStartTime);

    /// <summary>Waits briefly for a launched agent to be reaped, then lets go of its process object.</summary>
    public async Task ReleaseAsync()
    {
        if (Child is null)
        {
            return;
        }

        try
        {
            await Child.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            Child.Dispose();
        }
        catch (TimeoutException)
        {
            // Still running (it could not be killed): keep the object, so it is reaped once it exits.
        }
    }
}
