using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Status;
using Microsoft.Extensions.Logging.Abstractions;

namespace Greenlight.LoadBalancer.Tests.TestSupport;

/// <summary>A runtime on the real clock, its events, an HTTP client for its listeners, and the backends to stop at the end.</summary>
internal sealed class LoadBalancerHarness : IAsyncDisposable
{
    private readonly List<TestBackend> _backends = [];

    public LoadBalancerHarness(IRandomSource? random = null)
    {
        Runtime = new LoadBalancerRuntime(TimeProvider.System, NullLoggerFactory.Instance, random);
        Events = new EventRecorder(Runtime);
    }

    public LoadBalancerRuntime Runtime { get; }

    public EventRecorder Events { get; }

    public HttpClient Client { get; } = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2) }) { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<TestBackend> BackendAsync(string name)
    {
        var backend = await TestBackend.StartAsync(name);
        _backends.Add(backend);
        return backend;
    }

    /// <summary>Applies the configuration; returns http://BOUND of the first listener (which must have started).</summary>
    public async Task<string> ApplyAsync(LoadBalancingConfig config)
    {
        var listeners = await Runtime.ApplyAsync(config, CancellationToken.None);
        Assert.Null(listeners[0].Error);
        return "http://" + listeners[0].BoundAddress;
    }

    public Task WaitForStateAsync(string group, string id, TargetState state, double seconds = 10) =>
        Poll.UntilAsync(() => Runtime.Targets(group).Any(t => t.Id == id && t.State == state), $"{group}/{id} {state}", seconds);

    public async Task<string> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        Client.Dispose();
        foreach (var backend in _backends)
        {
            await backend.DisposeAsync();
        }
    }
}
