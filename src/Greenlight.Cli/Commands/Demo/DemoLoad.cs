using System.Collections.Concurrent;
using System.Diagnostics;

namespace Greenlight.Cli.Commands.Demo;

/// <summary>
/// A small, bounded stream of GET / requests to a loopback load balancer while a deployment runs: a few loops each
/// sending one request per interval, stopped by <see cref="StopAsync"/>, by a time limit, or after a request count,
/// whichever comes first. Requests in flight are not cancelled: each gets its answer or its error.
/// </summary>
internal sealed class DemoLoad : IAsyncDisposable
{
    private const int Workers = 3;

    private readonly HttpClient _http;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<LoadAnswer> _answers = new();
    private readonly CancellationTokenSource _stop;
    private readonly List<Task> _loops = [];
    private readonly int _maxRequests;
    private long _nextId;

    private DemoLoad(Uri target, double requestsPerSecond, TimeSpan maxDuration, int maxRequests)
    {
        if (!target.IsLoopback)
        {
            throw new ArgumentException($"the demo's load goes to loopback addresses only, not {target}", nameof(target));
        }

        _maxRequests = maxRequests;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = Workers + 2 })
        {
            BaseAddress = target,
            Timeout = TimeSpan.FromSeconds(10),
        };
        _stop = new CancellationTokenSource(maxDuration);
        var interval = TimeSpan.FromSeconds(Workers / requestsPerSecond);
        for (var i = 0; i < Workers; i++)
        {
            _loops.Add(Task.Run(() => LoopAsync(interval)));
        }
    }

    /// <summary>Time since the load started: the clock of every <see cref="LoadAnswer"/>.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public int Count => _answers.Count;

    public static DemoLoad Start(Uri target, double requestsPerSecond = 30, TimeSpan? maxDuration = null, int maxRequests = 6000) =>
        new(target, requestsPerSecond, maxDuration ?? TimeSpan.FromSeconds(150), maxRequests);

    /// <summary>What was answered so far, while the load goes on.</summary>
    public LoadTally Snapshot() => new([.. _answers.OrderBy(a => a.Id)]);

    /// <summary>Waits (bounded) until at least <paramref name="count"/> requests were answered.</summary>
    public Task WaitForCountAsync(int count, TimeSpan timeout, CancellationToken ct) =>
        Poll.UntilAsync(() => Task.FromResult(Count), c => c >= count, timeout, $"{count} requests answered through the load balancer", c => $"{c} answered", ct);

    /// <summary>Stops sending, waits for the requests in flight, and tallies.</summary>
    public async Task<LoadTally> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        return Snapshot();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task LoopAsync(TimeSpan interval)
    {
        var next = _clock.Elapsed;
        while (!_stop.IsCancellationRequested && Interlocked.Read(ref _nextId) < _maxRequests)
        {
            await SendAsync();
            next += interval;
            var wait = next - _clock.Elapsed;
            if (wait <= TimeSpan.Zero)
            {
                next = _clock.Elapsed;
                continue;
            }

            try
            {
                await Task.Delay(wait, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SendAsync()
    {
        var id = Interlocked.Increment(ref _nextId);
        var sentAt = _clock.Elapsed;
        try
        {
            using var response = await _http.GetAsync("/", CancellationToken.None);
            var version = response.Headers.TryGetValues("X-Sample-Version", out var versions) ? versions.FirstOrDefault() : null;
            _answers.Enqueue(new LoadAnswer(id, sentAt, (int)response.StatusCode, version, null));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            _answers.Enqueue(new LoadAnswer(id, sentAt, 0, null, e.GetType().Name));
        }
    }
}
