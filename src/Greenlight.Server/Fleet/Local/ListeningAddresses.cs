using System.Globalization;

namespace Greenlight.Server.Fleet.Local;

/// <summary>
/// The IPv4 addresses on which some process of this machine listens (from /proc/net/tcp). Another Greenlight server on
/// the same machine hands out 127.0.x.y addresses too, without knowing ours: an address already serving something is not
/// given to a new instance, so two instances' applications do not collide on one address and port.
/// <code>
/// "   0: 0501007F:46A0 00000000:0000 0A ..."  →  127.0.1.5 (state 0A = LISTEN; the address is little-endian hex)
/// </code>
/// </summary>
public static class ListeningAddresses
{
    private const string Listen = "0A";

    public static IReadOnlySet<string> Read(string path = "/proc/net/tcp")
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                if (Parse(line) is { } address)
                {
                    found.Add(address);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No /proc (not Linux): nothing known to be taken.
        }

        return found;
    }

    /// <summary>The local address of a LISTEN line, or null.</summary>
    public static string? Parse(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 4 || fields[3] != Listen || fields[1].Split(':') is not [var hex, _] || hex.Length != 8
            || !uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{value & 0xFF}.{(value >> 8) & 0xFF}.{(value >> 16) & 0xFF}.{value >> 24}");
    }
}
