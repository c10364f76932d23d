using System.Globalization;

namespace Greenlight.Core.Fleet;

/// <summary>
/// Hands out loopback addresses for local instances: 127.0.x.y with x from 1 to 255 and y from 1 to 254, in that
/// order (127.0.0.* is left to the host; .0 and .255 are skipped as network and broadcast addresses).
/// </summary>
/// <remarks>
/// Worked examples (pinned by LoopbackAddressesTests):
/// <list type="bullet">
/// <item>nothing in use → 127.0.1.1.</item>
/// <item>127.0.1.1 and 127.0.1.3 in use → 127.0.1.2: the first gap is reused.</item>
/// <item>127.0.1.1 … 127.0.1.254 in use → 127.0.2.1.</item>
/// <item>all 64,770 addresses in use → null.</item>
/// </list>
/// Addresses are compared as written (ordinal); anything else in <c>inUse</c> is ignored.
/// </remarks>
public static class LoopbackAddresses
{
    public static string? Next(IEnumerable<string> inUse)
    {
        ArgumentNullException.ThrowIfNull(inUse);
        var taken = new HashSet<string>(inUse.Where(a => a is not null), StringComparer.Ordinal);
        for (var x = 1; x <= 255; x++)
        {
            for (var y = 1; y <= 254; y++)
            {
                var address = string.Create(CultureInfo.InvariantCulture, $"127.0.{x}.{y}");
                if (!taken.Contains(address))
                {
                    return address;
                }
            }
        }

        return null;
    }
}
