using System.Collections.Immutable;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Listeners;
using Greenlight.LoadBalancer.Routing;
using Greenlight.LoadBalancer.Status;

namespace Greenlight.LoadBalancer;

// Listeners: one Kestrel server per listener, started, stopped and restarted by ApplyAsync (under _gate).
public sealed partial class LoadBalancerRuntime
{
    private readonly Dictionary<string, ListenerHost> _hosts = new(StringComparer.Ordinal);
    private IReadOnlyList<ListenerStatus> _listenerStatuses = ImmutableArray<ListenerStatus>.Empty;

    private async Task<IReadOnlyList<ListenerStatus>> ApplyListenersAsync(LoadBalancingConfig config, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<string, ListenerConfig>(StringComparer.Ordinal);
        foreach (var listener in config.Listeners)
        {
            wanted.TryAdd(ListenerKey.Of(listener), listener);
        }

        foreach (var (key, host) in _hosts.ToList())
        {
            if (!wanted.TryGetValue(key, out var listener) || !host.Serves(listener) || host.Status.Error is not null)
            {
                _hosts.Remove(key);
                await host.StopAsync(_logger).ConfigureAwait(false);
            }
        }

        var statuses = ImmutableArray.CreateBuilder<ListenerStatus>(config.Listeners.Length);
        foreach (var listener in config.Listeners)
        {
            var key = ListenerKey.Of(listener);
            if (!ReferenceEquals(wanted[key], listener))
            {
                statuses.Add(new ListenerStatus(listener.LoadBalancer, listener.Address, null,
                    "another listener of load balancer " + listener.LoadBalancer + " has the address " + listener.Address));
                continue;
            }

            if (!_hosts.TryGetValue(key, out var host))
            {
                host = await ListenerHost.StartAsync(listener, Snapshot, _forwarding, _random, _logger, cancellationToken).ConfigureAwait(false);
                _hosts.Add(key, host);
            }

            statuses.Add(host.Status);
        }

        var result = statuses.ToImmutable();
        Volatile.Write(ref _listenerStatuses, result);
        return result;
    }

    private async Task StopListenersAsync()
    {
        foreach (var host in _hosts.Values)
        {
            await host.StopAsync(_logger).ConfigureAwait(false);
        }

        _hosts.Clear();
        Volatile.Write(ref _listenerStatuses, ImmutableArray<ListenerStatus>.Empty);
    }
}
