using Greenlight.Contracts.V1;
using Greenlight.Server.Alarms;
using Greenlight.Server.Hosting;

namespace Greenlight.Server.Tests.Alarms;

/// <summary>The evaluator's pure helpers: the periods it hands to the Core evaluator and which hosts it may query.</summary>
public sealed class AlarmEvaluatorServiceTests
{
    private static readonly DateTimeOffset End = DateTimeOffset.FromUnixTimeSeconds(1_764_417_600);

    [Fact]
    public void Periods_SampledValuesWithAGap_GiveOnePerPeriodOldestFirstWithTheGapMissing()
    {
        var period = TimeSpan.FromSeconds(10);
        var samples = new[] { new AlarmDatapoint(End - (period * 3), 1), new AlarmDatapoint(End - period, 7), new AlarmDatapoint(End - (period * 9), 99) };

        var datapoints = AlarmEvaluatorService.Periods(samples, End, period, 3);

        Assert.Equal([End - (period * 3), End - (period * 2), End - period], datapoints.Select(d => d.PeriodStart));
        Assert.Equal([1, null, 7], datapoints.Select(d => d.Value));
    }

    [Theory]
    [InlineData("loadBalancer", 1, 3, 5)]
    [InlineData("loadBalancer", 300, 3, 3)]
    [InlineData("prometheus", 300, 3, 5)]
    public void PeriodsRead_IsTheEvaluationRangeWithinTheLoadBalancersWindow(string source, int period, int evaluationPeriods, int expected)
    {
        var alarm = new AlarmInfo("a", null, new AlarmMetric(source), "Average", period, "GreaterThanThreshold", 1, evaluationPeriods, evaluationPeriods, "missing", null,
            "OK", "", End, End);

        Assert.Equal(expected, AlarmEvaluatorService.PeriodsRead(alarm));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9090", true)]
    [InlineData("http://127.0.0.2:9090", true)]
    [InlineData("http://localhost:9090", true)]
    [InlineData("http://[::1]:9090", true)]
    [InlineData("http://prometheus.internal:9090", true)]
    [InlineData("http://10.0.0.5:9090", false)]
    [InlineData("http://evil.example.com", false)]
    public void MetricsHosts_LoopbackAlwaysOthersWhenAllowed(string url, bool allowed)
    {
        var options = new ServerOptions("/tmp/none") { AllowedMetricsHosts = ["prometheus.internal"] };

        Assert.Equal(allowed, MetricsHosts.IsAllowed(new Uri(url), options));
    }
}
