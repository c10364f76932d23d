using System.Runtime.InteropServices;

namespace Greenlight.Cli.Commands.Hosting;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM as a cancellation token: the process is not killed, the command stops what it started
/// and returns. <see cref="Received"/> says whether a signal came (so a command can tell an interruption from a failure).
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;

    public ShutdownSignal()
    {
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
    }

    public CancellationToken Token => _stop.Token;

    public bool Received => _stop.IsCancellationRequested;

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
        _stop.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // A signal while the command returns: nothing left to stop.
        }
    }
}
