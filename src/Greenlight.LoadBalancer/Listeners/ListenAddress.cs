using System.Globalization;
using System.Net;

namespace Greenlight.LoadBalancer.Listeners;

/// <summary>
/// A listener's <c>HOST:PORT</c> as an endpoint: an IPv4 or IPv6 address (<c>[::1]:80</c>), <c>localhost</c> (the IPv4
/// loopback), or <c>*</c> / <c>0.0.0.0</c> (every IPv4 address); port 0 to 65535 (0: a free port).
/// </summary>
/// <example>"127.0.0.1:8080" → 127.0.0.1 port 8080; "[::1]:0" → ::1 port 0; "web:80" → error (not an IP address).</example>
internal static class ListenAddress
{
    /// <summary>The endpoint, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static IPEndPoint? TryParse(string address, out string? error)
    {
        error = null;
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            error = $"address '{address}' is not HOST:PORT with a port from 0 to 65535";
            return null;
        }

        var host = address[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        IPAddress? ip = host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" => IPAddress.Any,
            _ => IPAddress.TryParse(host, out var parsed) ? parsed : null,
        };
        if (ip is null)
        {
            error = $"host '{host}' of address '{address}' is not an IP address, localhost or *";
            return null;
        }

        return new IPEndPoint(ip, port);
    }

    /// <summary><c>HOST:PORT</c> of an endpoint (IPv6 in brackets).</summary>
    public static string Format(IPEndPoint endPoint) => endPoint.ToString();
}
