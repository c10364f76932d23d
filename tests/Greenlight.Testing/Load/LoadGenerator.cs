using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Greenlight.Testing.Load;

/// <summary>
/// A constant stream of GET requests to a loopback address, bounded in time and count: <see cref="Workers"/> loops each
/// send one request every <c>workers / requestsPerSecond</c> seconds (a request that takes longer delays only its own
/// loop). Each request carries an X-Request-Id; the answer is recorded as a <see cref="LoadSample"/>. In-flight
/// requests are never cancelled by <see cref="StopAsync"/>: every request gets its one answer or its error.
/// </summary>
public sealed class LoadGenerator : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<LoadSample> _samples = new();
    private readonly CancellationTokenSource _stop;
    private readonly List<Task> _loops = [];
    private readonly ConcurrentBag<Task> _extra = [];
    private readonly int _maxRequests;
    private long _nextId;

    private LoadGenerator(Uri baseAddress, int workers, double requestsPerSecond, TimeSpan maxDuration, int maxRequests)
    {
        if (!baseAddress.IsLoopback)
        {
            throw new ArgumentException($"load goes to loopback addresses only, not {baseAddress}", nameof(baseAddress));
        }

        Workers = workers;
        _maxRequests = maxRequests;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = workers + 16, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseAddress,
            Timeout = RequestTimeout,
        };
        _stop = new CancellationTokenSource(maxDuration);
        var interval = TimeSpan.FromSeconds(workers / requestsPerSecond);
        for (var i = 0; i < workers; i++)
        {
            _loops.Add(Task.Run(() => LoopAsync(interval)));
        }
    }

    public int Workers { get; }

    /// <summary>Time since the generator started: the clock of every <see cref="LoadSample"/>.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public int Count => _samples.Count;

    public static LoadGenerator Start(Uri baseAddress, int workers = 4, double requestsPerSecond = 100, TimeSpan? maxDuration = null, int maxRequests = 20_000) =>
        new(baseAddress, workers, requestsPerSecond, maxDuration ?? TimeSpan.FromMinutes(3), maxRequests);

    /// <summary>Starts <paramref name="count"/> slow requests (<c>/slow?ms=N</c>) at once; they are part of the report.</summary>
    public void SendSlow(int milliseconds, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _extra.Add(Task.Run(() => SendAsync("/slow?ms=" + milliseconds.ToString(CultureInfo.InvariantCulture))));
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests were answered, so a phase is known to have seen traffic.</summary>
    public Task WaitForCountAsync(int count, TimeSpan timeout) =>
        Eventually.Until(() => Task.FromResult(Count), c => c >= count, timeout, $"{count} requests answered");

    /// <summary>What was answered so far, while the load goes on.</summary>
    public LoadReport Snapshot() => new([.. _samples.OrderBy(s => s.Id)]);

    /// <summary>Stops sending, waits for the requests in flight, and reports.</summary>
    public async Task<LoadReport> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        await Task.WhenAll(_extra);
        return new LoadReport([.. _samples.OrderBy(s => s.Id)]);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task LoopAsync(TimeSpan interval)
    {
        var next = _clock.Elapsed;
        while (!_stop.IsCancellationRequested && Interlocked.Read(ref _nextId) < _maxRequests)
        {
            await SendAsync("/");
            next += interval;
            var wait = next - _clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            else
            {
                next = _clock.Elapsed;
            }
        }
    }

    private async Task SendAsync(string path)
    {
        var id = Interlocked.Increment(ref _nextId);
        var requestId = "load-" + id.ToString(CultureInfo.InvariantCulture);
        var sentAt = _clock.Elapsed;
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Request-Id", requestId);
        try
        {
            // Not tied to the stop token: a request once sent must get its answer.
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
            var version = response.Headers.TryGetValues("X-Sample-Version", out var versions) ? versions.FirstOrDefault() : null;
            var echoed = response.Headers.TryGetValues("X-Request-Id", out var ids) && ids.FirstOrDefault() == requestId;
            _samples.Enqueue(new LoadSample(id, path, sentAt, _clock.Elapsed, (int)response.StatusCode, version, echoed, null));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            _samples.Enqueue(new LoadSample(id, path, sentAt, null, 0, null, false, e.GetType().Name + ": " + e.Message));
        }
    }
}
