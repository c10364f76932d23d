using Greenlight.Agent.Events;
using Greenlight.Agent.Protocol;
using Microsoft.Extensions.Logging;

namespace Greenlight.Agent;

/// <summary>Wires and runs an agent: the protocol client, the event handlers, the run loop.</summary>
public static class AgentHost
{
    /// <summary>Runs until cancelled (0) or refused by the server for good (<see cref="RefusedExitCode"/>).</summary>
    public const int RefusedExitCode = 3;

    public static async Task<int> RunAsync(AgentOptions options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Root);
        using var client = new AgentClient(options.ServerUrl, TimeSpan.FromSeconds(10));
        var runner = new AgentRunner(options, client, EventHandlers.For(options, client), loggers.CreateLogger("Greenlight.Agent"));
        try
        {
            await runner.RunAsync(cancellationToken);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await runner.DrainAsync().WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            return 0;
        }
        catch (AgentRefusedException e)
        {
            await Console.Error.WriteLineAsync("greenlight agent: " + e.Message);
            return RefusedExitCode;
        }
    }
}
