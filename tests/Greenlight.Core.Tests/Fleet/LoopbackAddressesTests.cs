using Greenlight.Core.Fleet;

namespace Greenlight.Core.Tests.Fleet;

public sealed class LoopbackAddressesTests
{
    /// <summary>The worked examples on <see cref="LoopbackAddresses"/>.</summary>
    [Theory]
    [InlineData("", "127.0.1.1")]
    [InlineData("127.0.1.1,127.0.1.3", "127.0.1.2")]
    [InlineData("127.0.0.1,127.0.1.2", "127.0.1.1")]
    [InlineData("127.0.1.1,127.0.1.1", "127.0.1.2")]
    [InlineData("10.0.0.1,localhost,127.0.1.01", "127.0.1.1")]
    public void Next_InUse_ReturnsTheFirstFreeAddress(string inUse, string expected) =>
        Assert.Equal(expected, LoopbackAddresses.Next(inUse.Split(',', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void Next_WholeThirdOctetInUse_MovesToTheNextOne() =>
        Assert.Equal("127.0.2.1", LoopbackAddresses.Next(Range(1, 1, 254)));

    [Fact]
    public void Next_EverythingButTheLast_ReturnsTheLast() =>
        Assert.Equal("127.0.255.254", LoopbackAddresses.Next(All().Where(a => a != "127.0.255.254")));

    [Fact]
    public void Next_AllInUse_ReturnsNull() =>
        Assert.Null(LoopbackAddresses.Next(All()));

    [Fact]
    public void Next_NeverReturnsNetworkOrBroadcastOrHostLoopback()
    {
        var all = All().ToList();

        Assert.Equal(255 * 254, all.Distinct().Count());
        Assert.DoesNotContain(all, a => a.EndsWith(".0", StringComparison.Ordinal) || a.EndsWith(".255", StringComparison.Ordinal) || a.StartsWith("127.0.0.", StringComparison.Ordinal));
    }

    [Fact]
    public void Next_AskedAgainWithEachAnswer_HandsOutAddressesInOrderAcrossOctets()
    {
        var handedOut = new List<string>();
        for (var n = 0; n < 600; n++)
        {
            handedOut.Add(LoopbackAddresses.Next(handedOut)!);
        }

        Assert.Equal(All().Take(600), handedOut);
    }

    /// <summary>Every address there is to hand out, in the allocator's order.</summary>
    private static IEnumerable<string> All() => Enumerable.Range(1, 255).SelectMany(x => Range(x, 1, 254));

    private static IEnumerable<string> Range(int x, int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(y => $"127.0.{x}.{y}");
}
