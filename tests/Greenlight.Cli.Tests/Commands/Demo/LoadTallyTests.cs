using Greenlight.Cli.Commands.Demo;

namespace Greenlight.Cli.Tests.Commands.Demo;

/// <summary>The load report: served per version, failures per reason, the one-line description.</summary>
public sealed class LoadTallyTests
{
    private static LoadAnswer Answer(long id, double at, int status, string? version, string? error = null) =>
        new(id, TimeSpan.FromSeconds(at), status, version, error);

    [Fact]
    public void Describe_ServedByTwoVersionsNoFailure_CountsEachAndZeroFailed()
    {
        var tally = new LoadTally([Answer(1, 0, 200, "1.0.0"), Answer(2, 1, 200, "2.0.0"), Answer(3, 2, 200, "2.0.0")]);

        Assert.Equal(0, tally.Failed);
        Assert.Equal("3 requests: served by 2.0.0 2, by 1.0.0 1; 0 failed", tally.Describe());
    }

    [Fact]
    public void FailedBy_ServerErrorsAndTransportErrors_GroupedByWhy()
    {
        var tally = new LoadTally([Answer(1, 0, 200, "2.0.0"), Answer(2, 1, 500, "3.0.0"), Answer(3, 2, 500, "3.0.0"), Answer(4, 3, 0, null, "HttpRequestException"), Answer(5, 4, 502, null)]);

        Assert.Equal(4, tally.Failed);
        Assert.Equal(2, tally.FailedBy["500 from 3.0.0"]);
        Assert.Equal(1, tally.FailedBy["HttpRequestException"]);
        Assert.Equal(1, tally.FailedBy["502"]);
        Assert.Equal("5 requests: served by 2.0.0 1; 4 failed (2 500 from 3.0.0, 1 HttpRequestException, 1 502)", tally.Describe());
    }

    [Fact]
    public void SentFrom_AMoment_KeepsOnlyLaterRequests()
    {
        var tally = new LoadTally([Answer(1, 0.5, 500, "3.0.0"), Answer(2, 1.0, 200, "2.0.0"), Answer(3, 1.5, 200, "2.0.0")]);

        var after = tally.SentFrom(TimeSpan.FromSeconds(1));

        Assert.Equal(2, after.Sent);
        Assert.Equal(0, after.Failed);
        Assert.Equal(["2.0.0"], after.ServedBy.Keys);
    }

    [Fact]
    public void Describe_NoRequests_SaysNoneServed()
    {
        Assert.Equal("0 requests: none served; 0 failed", new LoadTally([]).Describe());
    }
}
