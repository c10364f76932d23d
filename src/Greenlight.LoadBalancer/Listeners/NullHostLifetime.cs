using Microsoft.Extensions.Hosting;

namespace Greenlight.LoadBalancer.Listeners;

/// <summary>
/// A listener's host lifetime: none. The default console lifetime would hook SIGTERM and Ctrl+C in every listener;
/// listeners are started and stopped by the runtime only.
/// </summary>
internal sealed class NullHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
