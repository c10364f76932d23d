using System.Net;
using System.Net.Sockets;

namespace Greenlight.Testing;

/// <summary>A TCP port free on 127.0.0.1 a moment ago, for a process that takes its port on the command line.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
