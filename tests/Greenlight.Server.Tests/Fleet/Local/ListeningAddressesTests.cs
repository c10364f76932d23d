using System.Net;
using System.Net.Sockets;
using Greenlight.Server.Fleet.Local;

namespace Greenlight.Server.Tests.Fleet.Local;

public sealed class ListeningAddressesTests
{
    [Theory]
    [InlineData("   0: 0501007F:46A0 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0000000000000000 100 0 0 10 0", "127.0.1.5")]
    [InlineData("   1: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0000000000000000 100 0 0 10 0", "127.0.0.1")]
    [InlineData("   2: 0501007F:46A0 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 3 1 0000000000000000 20 4 30 10 -1", null)]
    [InlineData("  sl  local_address rem_address   st", null)]
    public void Parse_ProcNetTcpLine_GivesTheListeningAddress(string line, string? expected) =>
        Assert.Equal(expected, ListeningAddresses.Parse(line));

    [Fact]
    public void Read_WhileSomethingListensOnALoopbackAddress_IncludesIt()
    {
        using var listener = new TcpListener(IPAddress.Parse("127.0.9.77"), 0);
        listener.Start();

        Assert.Contains("127.0.9.77", ListeningAddresses.Read());
    }
}
