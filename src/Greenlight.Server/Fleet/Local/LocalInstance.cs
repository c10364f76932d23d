using System.Diagnostics;

namespace Greenlight.Server.Fleet.Local;

/// <summary>
/// An instance the provider knows: launched by it (with the <see cref="Process"/> of its agent, kept so .NET reaps
/// the agent when it exits) or adopted after a server restart (no process object: it is not this server's child).
/// </summary>
internal sealed record LocalInstance(LaunchedInstance Launched, Process? Child)
{
    public AgentProcessRecord Agent => new(Launched.ProcessId, Launched.ProcessStartTime);

    /// <summary>
    /// Waits briefly for a launched agent to exit and be reaped, then lets go of its process object; returns the
    /// instance without it. Still running (it could not be killed): the object is kept, so .NET reaps it later.
    /// </summary>
    public async Task<LocalInstance> ReleaseAsync()
    {
        if (Child is null)
        {
            return this;
        }

        try
        {
            await Child.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return this;
        }

        Child.Dispose();
        return this with { Child = null };
    }
}
