using System.Globalization;

namespace Greenlight.LoadBalancer.Health;

/// <summary>
/// A health check's success codes, ELB's syntax: a code (<c>200</c>), a comma list (<c>200,204</c>), a range
/// (<c>200-299</c>), or a mix (<c>200,300-302</c>); spaces around parts are ignored. A matcher that cannot be read
/// matches nothing (the server validates matchers before they get here).
/// </summary>
/// <example>
/// "200" matches 200 only; "200,204" matches 204, not 201; "200-299" matches 200, 250 and 299, not 300;
/// "abc" matches nothing.
/// </example>
internal static class StatusMatcher
{
    public static bool Matches(string matcher, int status)
    {
        foreach (var raw in matcher.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = raw.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code == status)
                {
                    return true;
                }

                continue;
            }

            if (int.TryParse(raw.AsSpan(0, dash).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var low)
                && int.TryParse(raw.AsSpan(dash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var high)
                && status >= low && status <= high)
            {
                return true;
            }
        }

        return false;
    }
}
