using CsCheck;
using Greenlight.Core.Traffic;

namespace Greenlight.Core.Tests.Traffic;

public sealed class TrafficScheduleTests
{
    [Theory]
    [InlineData("all", "100/0")]
    [InlineData("canary:10:5m", "10/300,100/0")]
    [InlineData("linear:10:1m", "10/60,20/60,30/60,40/60,50/60,60/60,70/60,80/60,90/60,100/0")]
    [InlineData("linear:30:2m", "30/120,60/120,90/120,100/0")]
    [InlineData("linear:50:30s", "50/30,100/0")]
    [InlineData("steps:5@1m,50@10m", "5/60,50/600,100/0")]
    [InlineData("steps:5@1m,100@10m", "5/60,100/0")]
    [InlineData("canary:1:1h", "1/3600,100/0")]
    public void Steps_DocumentedExample_ExpandsToWeightsAndBakes(string text, string expected)
    {
        Assert.True(TrafficScheduleParser.TryParse(text, out var schedule, out var error), error);

        var actual = string.Join(",", schedule.Steps().Select(s => $"{s.GreenWeight}/{(int)s.Bake.TotalSeconds}"));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("canary:0:5m", "percentage must be a whole number from 1 to 99")]
    [InlineData("linear:100:1m", "percentage must be a whole number from 1 to 99")]
    [InlineData("steps:50@1m,20@1m", "must be above the previous step's 50")]
    [InlineData("steps:0@1m", "weight must be a whole percentage from 1 to 100")]
    [InlineData("canary:10", "is not a traffic schedule")]
    [InlineData("canary:ten:5m", "expected canary:PERCENT:DURATION")]
    [InlineData("steps:10-5m", "should be WEIGHT@DURATION")]
    [InlineData("bluegreen", "is not a traffic schedule")]
    public void TryParse_InvalidSchedule_NamesTheProblem(string text, string expectedFragment)
    {
        Assert.False(TrafficScheduleParser.TryParse(text, out _, out var error));
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("2h", 7200)]
    [InlineData("7", 420)]
    [InlineData("2m30s", 150)]
    [InlineData("1h30m", 5400)]
    [InlineData("1h0m5s", 3605)]
    [InlineData("0s", 0)]
    public void TryParseDuration_Unit_Converts(string text, int seconds)
    {
        Assert.True(TrafficScheduleParser.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("5x")]
    [InlineData("30s2m")]
    [InlineData("5m5m")]
    [InlineData("-5m")]
    [InlineData("5 m")]
    public void TryParseDuration_Malformed_IsRefused(string text) =>
        Assert.False(TrafficScheduleParser.TryParseDuration(text, out _));

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(300, "5m")]
    [InlineData(150, "2m30s")]
    [InlineData(4500, "1h15m")]
    [InlineData(90000, "25h")]
    public void FormatDuration_Seconds_RoundTripsThroughTheParser(int seconds, string expected)
    {
        var text = TrafficScheduleParser.FormatDuration(TimeSpan.FromSeconds(seconds));

        Assert.Equal(expected, text);
        Assert.True(TrafficScheduleParser.TryParseDuration(text, out var back));
        Assert.Equal(TimeSpan.FromSeconds(seconds), back);
    }

    [Fact]
    [Trait("Category", PropertyIterations.Category)]
    public void Steps_AnyValidSchedule_WeightsMoveForwardSumTo100AndEndAt100() =>
        Gen.OneOf(
                Gen.Int[1, 99].Select(p => TrafficSchedule.Canary(p, TimeSpan.FromMinutes(1))),
                Gen.Int[1, 99].Select(p => TrafficSchedule.Linear(p, TimeSpan.FromMinutes(1))),
                Gen.Int[1, 100].Array[1, 8].Select(ws => TrafficSchedule.FromSteps(
                    ws.Distinct().Order().Select(w => new TrafficStep(w, TimeSpan.FromSeconds(w))))))
            .Sample(schedule =>
            {
                Assert.Empty(schedule.Validate());
                var steps = schedule.Steps();
                Assert.Equal(100, steps[^1].GreenWeight);
                Assert.All(steps, s => Assert.Equal(100, s.GreenWeight + s.BlueWeight));
                Assert.All(steps.Zip(steps.Skip(1)), pair => Assert.True(pair.Second.GreenWeight > pair.First.GreenWeight));
            }, iter: PropertyIterations.Long);
}
