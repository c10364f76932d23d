using Greenlight.LoadBalancer.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace Greenlight.LoadBalancer.Tests.Metrics;

public sealed class TrafficMeterTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Window_RequestsInSeveralSeconds_CountsOnlyThoseInTheWindow()
    {
        var time = new FakeTimeProvider(Start);
        var meter = new TrafficMeter(time);
        meter.RecordResponse(200, 1);                // second 0
        time.Advance(TimeSpan.FromSeconds(1));
        meter.RecordResponse(503, 1);                // second 1
        meter.RecordConnectionError();
        time.Advance(TimeSpan.FromSeconds(1));
        meter.RecordResponse(302, 1);                // second 2
        meter.RecordNoHealthyTarget();

        var middle = meter.Window(Start.AddSeconds(1), Start.AddSeconds(2));
        var all = meter.Window(Start, Start.AddSeconds(3));

        Assert.Equal(2, middle.Requests);
        Assert.Equal(1, middle.Responses5xx);
        Assert.Equal(1, middle.ConnectionErrors);
        Assert.Equal(0, middle.Responses2xx);
        Assert.Equal(5, all.Requests);
        Assert.Equal((1, 1, 0, 2), (all.Responses2xx, all.Responses3xx, all.Responses4xx, all.Responses5xx));
    }

    [Fact]
    public void Window_PartialSecondAtTheEnd_IsIncluded()
    {
        var time = new FakeTimeProvider(Start.AddMilliseconds(500));
        var meter = new TrafficMeter(time);
        meter.RecordResponse(200, 1);

        Assert.Equal(1, meter.Window(Start.AddMilliseconds(200), Start.AddMilliseconds(600)).Requests);
        Assert.Equal(0, meter.Window(Start.AddSeconds(1), Start.AddSeconds(2)).Requests);
    }

    [Fact]
    public void Window_RingWrapped_ForgetsSecondsOlderThanFifteenMinutes()
    {
        var time = new FakeTimeProvider(Start);
        var meter = new TrafficMeter(time);
        meter.RecordResponse(200, 1);
        time.Advance(TimeSpan.FromSeconds(10));
        meter.RecordResponse(200, 1);
        // 900 s after the first second: the same slot of the ring, which now holds the new second.
        time.Advance(TimeSpan.FromSeconds(890));
        meter.RecordResponse(404, 1);
        meter.RecordResponse(404, 1);

        var everything = meter.Window(Start, Start.AddSeconds(901));

        Assert.Equal(3, everything.Requests);
        Assert.Equal(2, everything.Responses4xx);
        Assert.Equal(1, everything.Responses2xx);
        Assert.Equal(0, meter.Window(Start, Start.AddSeconds(1)).Requests);
        Assert.Equal(4, meter.Total(TrafficField.Requests));
    }

    [Fact]
    public void Window_Latencies_PercentilesFromTheHistogram()
    {
        var time = new FakeTimeProvider(Start);
        var meter = new TrafficMeter(time);
        for (var i = 0; i < 99; i++)
        {
            meter.RecordResponse(200, 1.0);
        }

        meter.RecordResponse(200, 1_000);

        var window = meter.Window(Start, Start.AddSeconds(1));

        Assert.InRange(window.LatencyP50Ms!.Value, 0.8, 1.132);
        Assert.InRange(window.LatencyP99Ms!.Value, 0.8, 1.132);
        Assert.Null(meter.Window(Start.AddSeconds(5), Start.AddSeconds(6)).LatencyP50Ms);
    }

    [Fact]
    public void Window_HealthTransitions_Counted()
    {
        var time = new FakeTimeProvider(Start);
        var meter = new TrafficMeter(time);
        meter.RecordHealthTransition();
        meter.RecordHealthTransition();

        Assert.Equal(2, meter.Window(Start, Start.AddSeconds(1)).HealthTransitions);
        Assert.Equal(0, meter.Window(Start, Start.AddSeconds(1)).Requests);
    }
}
