using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Greenlight.Server.Traffic;

/// <summary>
/// Listener addresses: <c>HOST:PORT</c> with an IPv4 address, a bracketed IPv6 address or <c>localhost</c> (as the
/// server's own <c>--listen</c>), on this machine: a loopback address, an address of one of its interfaces, or the
/// any-address.
/// </summary>
public static class ListenerAddresses
{
    /// <summary>The endpoint, or null when the text is not ADDRESS:PORT.</summary>
    public static IPEndPoint? Parse(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return null;
        }

        var text = address.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" + address["localhost".Length..] : address;
        var colon = text.LastIndexOf(':');

        // IPEndPoint.TryParse takes a bare IPv6 address as one without a port: insist on [::1]:PORT.
        return colon > 0 && (text[0] == '[' || text.IndexOf(':') == colon) && IPEndPoint.TryParse(text, out var endpoint) ? endpoint : null;
    }

    public static bool IsLocal(IPAddress address) =>
        IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || InterfaceAddresses().Contains(address);

    /// <summary>Whether two endpoints would fight over one socket: the same port, and the same address or one of them the any-address.</summary>
    public static bool Overlap(IPEndPoint a, IPEndPoint b) =>
        a.Port != 0 && a.Port == b.Port &&
        (a.Address.Equals(b.Address) || IsAny(a.Address) || IsAny(b.Address));

    private static bool IsAny(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    private static HashSet<IPAddress> InterfaceAddresses()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(u => u.Address)
                .Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
                .ToHashSet();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}
