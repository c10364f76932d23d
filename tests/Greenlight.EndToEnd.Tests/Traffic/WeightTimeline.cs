using Greenlight.Testing.Load;

namespace Greenlight.EndToEnd.Tests.Traffic;

/// <summary>
/// Records, on the load generator's clock, when a blue/green deployment's green weight changed as the API reports it
/// (polled every 50 ms until the deployment ends or the watch is stopped).
/// </summary>
internal sealed class WeightTimeline : IAsyncDisposable
{
    private readonly List<(TimeSpan At, int GreenWeight)> _changes = [];
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(3));
    private readonly Task _loop;

    public WeightTimeline(Func<Task<int?>> weight, LoadGenerator clock)
    {
        _loop = Task.Run(async () =>
        {
            int? last = null;
            while (!_stop.IsCancellationRequested)
            {
                var now = await weight();
                if (now is { } w && w != last)
                {
                    lock (_changes)
                    {
                        _changes.Add((clock.Now, w));
                    }

                    last = w;
                }

                try
                {
                    await Task.Delay(50, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    public IReadOnlyList<(TimeSpan At, int GreenWeight)> Changes
    {
        get
        {
            lock (_changes)
            {
                return [.. _changes];
            }
        }
    }

    /// <summary>When the weight first reached <paramref name="greenWeight"/> (as seen by the poll), or null.</summary>
    public TimeSpan? FirstAt(int greenWeight) => Changes.Where(c => c.GreenWeight == greenWeight).Select(c => (TimeSpan?)c.At).FirstOrDefault();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
