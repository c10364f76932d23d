namespace Greenlight.Server.Fleet;

/// <summary>
/// Loopback addresses for local instances, one per instance so that apps on different instances can bind the same
/// port: 127.0.1.1 upward (127.0.0.x is left to the machine and to tests). <c>Next(["127.0.1.1"])</c> is 127.0.1.2.
/// </summary>
public static class LocalAddresses
{
    public static string? Next(IReadOnlySet<string> inUse)
    {
        for (var x = 1; x <= 255; x++)
        {
            for (var y = 1; y <= 254; y++)
            {
                var address = $"127.0.{x}.{y}";
                if (!inUse.Contains(address))
                {
                    return address;
                }
            }
        }

        return null;
    }
}
