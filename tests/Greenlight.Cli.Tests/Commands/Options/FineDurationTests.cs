using Greenlight.Cli.Commands.Options;

namespace Greenlight.Cli.Tests.Commands.Options;

/// <summary>Durations shorter than a second (health check intervals and timeouts): <c>0.5s</c>, <c>500ms</c>, and the errors.</summary>
public sealed class FineDurationTests
{
    [Theory]
    [InlineData("0.5s", 0.5)]
    [InlineData("500ms", 0.5)]
    [InlineData("100ms", 0.1)]
    [InlineData("5s", 5)]
    [InlineData("2m", 120)]
    [InlineData("1m30s", 90)]
    [InlineData("1.5m", 90)]
    [InlineData("1h", 3600)]
    [InlineData("1s500ms", 1.5)]
    [InlineData("0s", 0)]
    [InlineData("5S", 5)]
    public void Parse_Duration_IsThatManySeconds(string text, double seconds)
    {
        Assert.Equal(seconds, FineDuration.Parse(text)!.Value.TotalSeconds, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("s")]
    [InlineData("5x")]
    [InlineData("30s1m")]
    [InlineData("1s1s")]
    [InlineData("-1s")]
    [InlineData("1..5s")]
    [InlineData("5 s")]
    public void Parse_NotADuration_IsNull(string text)
    {
        Assert.Null(FineDuration.Parse(text));
    }

    [Theory]
    [InlineData("0.5s", null)]
    [InlineData("100ms", null)]
    [InlineData("5", "--interval '5' needs a unit: e.g. 5s or 5ms")]
    [InlineData("0.5", "--interval '0.5' needs a unit: e.g. 0.5s or 0.5ms")]
    [InlineData("50ms", "--interval '50ms' must be from 0.1s to 300s")]
    [InlineData("6m", "--interval '6m' must be from 0.1s to 300s")]
    [InlineData("fast", "--interval 'fast' must be a duration from 0.1s to 300s, e.g. 5s, 0.5s, 500ms or 1m30s")]
    public void Check_Interval_RefusesWithTheOptionAndTheText(string text, string? error)
    {
        Assert.Equal(error, FineDuration.Check("--interval", text, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(0.5, "0.5s")]
    [InlineData(30, "30s")]
    [InlineData(0.125, "0.125s")]
    public void Format_Seconds_ReadsBackAsADuration(double seconds, string text)
    {
        Assert.Equal(text, FineDuration.Format(seconds));
        Assert.Equal(seconds, FineDuration.Parse(text)!.Value.TotalSeconds, 6);
    }
}
