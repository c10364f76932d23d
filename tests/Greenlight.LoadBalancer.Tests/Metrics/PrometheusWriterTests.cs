using System.Text.RegularExpressions;
using Greenlight.LoadBalancer.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace Greenlight.LoadBalancer.Tests.Metrics;

public sealed partial class PrometheusWriterTests
{
    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*)\} (?<value>[0-9.eE+-]+|\+Inf)$""")]
    private static partial Regex SampleLine();

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\"b", "a\\\"b")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("line\nfeed", "line\\nfeed")]
    public void Escape_LabelValue_AsTheTextFormatSays(string value, string expected)
    {
        Assert.Equal(expected, PrometheusWriter.Escape(value));
    }

    [Fact]
    public void Write_GroupsAndTargets_EveryLineParsesAndFamiliesHaveHelpAndType()
    {
        var time = new FakeTimeProvider();
        var groupMeter = new TrafficMeter(time);
        var targetMeter = new TrafficMeter(time);
        groupMeter.RecordResponse(200, 3);
        groupMeter.RecordResponse(503, 700);
        groupMeter.RecordNoHealthyTarget();
        targetMeter.RecordResponse(200, 3);
        targetMeter.RecordConnectionError();
        var writer = new StringWriter();

        PrometheusWriter.Write(
            writer,
            [new PrometheusGroup("web\"tg", groupMeter, 30)],
            [new PrometheusTarget("web\"tg", "i-1\\x", targetMeter, true, 2)]);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var families = new HashSet<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                families.Add(line.Split(' ')[2]);
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, "not a sample line: " + line);
            var name = match.Groups["name"].Value;
            Assert.Contains(families, f => name == f || name.StartsWith(f + "_", StringComparison.Ordinal));
        }

        var text = writer.ToString();
        Assert.Contains("greenlight_lb_requests_total{target_group=\"web\\\"tg\",target=\"i-1\\\\x\"} 2\n", text);
        Assert.Contains("greenlight_lb_responses_total{target_group=\"web\\\"tg\",target=\"i-1\\\\x\",code_class=\"2xx\"} 1\n", text);
        Assert.Contains("greenlight_lb_connection_errors_total{target_group=\"web\\\"tg\",target=\"i-1\\\\x\"} 1\n", text);
        Assert.Contains("greenlight_lb_no_healthy_target_total{target_group=\"web\\\"tg\"} 1\n", text);
        Assert.Contains("greenlight_lb_request_duration_seconds_bucket{target_group=\"web\\\"tg\",le=\"+Inf\"} 2\n", text);
        Assert.Contains("greenlight_lb_request_duration_seconds_count{target_group=\"web\\\"tg\"} 2\n", text);
        Assert.Contains("greenlight_lb_request_duration_seconds_sum{target_group=\"web\\\"tg\"} 0.703\n", text);
        Assert.Contains("greenlight_lb_target_healthy{target_group=\"web\\\"tg\",target=\"i-1\\\\x\"} 1\n", text);
        Assert.Contains("greenlight_lb_target_in_flight{target_group=\"web\\\"tg\",target=\"i-1\\\\x\"} 2\n", text);
        Assert.Contains("greenlight_lb_green_weight{target_group=\"web\\\"tg\"} 30\n", text);
        Assert.Contains("# TYPE greenlight_lb_request_duration_seconds histogram", text);
        Assert.Contains("# TYPE greenlight_lb_health_transitions_total counter", text);
    }

    [Fact]
    public void Write_HistogramBuckets_AreCumulativeAndIncreasingInLe()
    {
        var meter = new TrafficMeter(new FakeTimeProvider());
        meter.RecordResponse(200, 0.05);
        meter.RecordResponse(200, 5);
        meter.RecordResponse(200, 500);
        var writer = new StringWriter();

        PrometheusWriter.Write(writer, [new PrometheusGroup("g", meter, null)], []);

        var buckets = writer.ToString().Split('\n')
            .Where(l => l.StartsWith("greenlight_lb_request_duration_seconds_bucket", StringComparison.Ordinal))
            .Select(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..]))
            .ToList();
        Assert.Equal(LatencyHistogram.BucketCount, buckets.Count);
        Assert.Equal(1, buckets[0]);
        Assert.Equal(3, buckets[^1]);
        Assert.True(buckets.Zip(buckets.Skip(1)).All(p => p.First <= p.Second));
        Assert.DoesNotContain("greenlight_lb_green_weight{", writer.ToString());
    }
}
