using Greenlight.LoadBalancer.Metrics;

namespace Greenlight.LoadBalancer.Tests.Metrics;

public sealed class SecondBucketsTests
{
    [Fact]
    public void Row_SameSlotNewerSecond_ReplacesTheRow()
    {
        var buckets = new SecondBuckets();
        buckets.Row(5)![TrafficField.Requests] = 3;

        buckets.Row(5 + SecondBuckets.Seconds)![TrafficField.Requests] += 1;

        var sum = new long[TrafficField.Count];
        buckets.Merge(0, 2 * SecondBuckets.Seconds, sum);
        Assert.Equal(1, sum[TrafficField.Requests]);
    }

    [Fact]
    public void Row_OlderSecondThanTheSlots_IsDropped()
    {
        var buckets = new SecondBuckets();
        buckets.Row(5 + SecondBuckets.Seconds);

        Assert.Null(buckets.Row(5));
    }

    [Fact]
    public void Merge_Window_HalfOpen()
    {
        var buckets = new SecondBuckets();
        for (long second = 100; second < 110; second++)
        {
            buckets.Row(second)![TrafficField.Requests] = 1;
        }

        var sum = new long[TrafficField.Count];
        buckets.Merge(102, 105, sum);

        Assert.Equal(3, sum[TrafficField.Requests]);
    }
}
