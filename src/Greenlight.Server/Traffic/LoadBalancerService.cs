using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Traffic;

/// <summary>
/// Starts routing at server start from what the store holds (so listeners and targets come back after a restart) and
/// stops every listener at shutdown.
/// </summary>
public sealed class LoadBalancerService(TrafficState state, ILogger<LoadBalancerService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await state.ApplyAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The server still starts; the API shows listeners as failed and the next change applies again.
            TrafficLog.StartupApplyFailed(logger, e);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await state.DisposeAsync();
}
