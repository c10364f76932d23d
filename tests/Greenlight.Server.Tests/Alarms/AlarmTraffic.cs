using Greenlight.Testing;

namespace Greenlight.Server.Tests.Alarms;

/// <summary>Steady GETs of <c>/</c> through a listener in the background (one every 10 ms, at most 6000 and 60 s) until disposed.</summary>
internal sealed class AlarmTraffic : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public AlarmTraffic(string boundAddress) => _loop = Task.Run(() => LoopAsync(boundAddress));

    public int Sent { get; private set; }

    private async Task LoopAsync(string boundAddress)
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://" + boundAddress), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!_stop.IsCancellationRequested && Sent < 6000 && DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync("/", _stop.Token);
                Sent++;
                await Task.Delay(10, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The alarm's state, polled until it is <paramref name="state"/> (or the deadline).</summary>
    public static Task<System.Text.Json.Nodes.JsonNode> UntilStateAsync(ApiClient admin, string alarm, string state, TimeSpan timeout) =>
        Eventually.Until(async () => (await admin.GetAsync("/api/v1/alarms/" + alarm)).Body!["alarm"]!, a => a["stateValue"]!.GetValue<string>() == state, timeout, $"alarm {alarm} {state}");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
