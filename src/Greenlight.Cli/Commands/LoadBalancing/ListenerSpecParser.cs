using System.Globalization;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.LoadBalancing;

/// <summary>
/// The <c>--listener</c> syntax: <c>[http://|https://]HOST:PORT=TG[:WEIGHT][,TG[:WEIGHT]...]</c>, e.g.
/// <c>127.0.0.1:8080=web:90,canary:10</c> or <c>https://127.0.0.1:8443=web</c>. A weight is relative, 0–999 (ELB's range),
/// 1 when left out; port 0 lets the server pick a free port.
/// </summary>
internal static class ListenerSpecParser
{
    public const string Syntax = "[https://]HOST:PORT=TG[:WEIGHT][,TG[:WEIGHT]...]";

    public const int MaxWeight = 999;

    /// <summary>A parsed listener, or the problem with the text (naming the bad part).</summary>
    public sealed record Parsed(ListenerSpec? Spec, string? Error);

    /// <summary>
    /// Examples: <c>127.0.0.1:8080=web</c> is HTTP forwarding to web with weight 1; <c>https://[::1]:0=a:3,b:1</c> is HTTPS on a
    /// free port forwarding 3:1; <c>127.0.0.1:8080</c> is refused (no '='), as is <c>127.0.0.1:8080=web:x</c> (the weight).
    /// </summary>
    public static Parsed Parse(string text)
    {
        var rest = text.Trim();
        var protocol = "HTTP";
        if (rest.IndexOf("://", StringComparison.Ordinal) is >= 0 and var schemeEnd)
        {
            var scheme = rest[..schemeEnd].ToLowerInvariant();
            if (scheme is not ("http" or "https"))
            {
                return Fail($"'{rest[..(schemeEnd + 3)]}' must be http:// or https://");
            }

            protocol = scheme.ToUpperInvariant();
            rest = rest[(schemeEnd + 3)..];
        }

        if (rest.IndexOf('=', StringComparison.Ordinal) is not (>= 0 and var equals))
        {
            return Fail($"no '=': write ADDRESS=TARGET_GROUP, e.g. 127.0.0.1:8080=web");
        }

        var address = rest[..equals].Trim();
        if (AddressProblem(address) is { } bad)
        {
            return Fail(bad);
        }

        var forward = new List<ForwardTargetGroup>();
        var items = rest[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries);
        if (items is [""])
        {
            return Fail("no target group after '='");
        }

        foreach (var item in items)
        {
            var colon = item.LastIndexOf(':');
            var name = (colon < 0 ? item : item[..colon]).TrimEnd();
            var weightText = colon < 0 ? "" : item[(colon + 1)..].TrimStart();
            var weight = 1;
            if (name.Length == 0)
            {
                return Fail(item.Length == 0 ? "an empty target group between commas" : $"'{item}' has no target group name before ':'");
            }

            if (colon >= 0 && (!int.TryParse(weightText, NumberStyles.None, CultureInfo.InvariantCulture, out weight) || weight > MaxWeight))
            {
                return Fail($"weight '{weightText}' of target group '{name}' must be a whole number 0-{MaxWeight}");
            }

            if (forward.Any(f => f.TargetGroupName == name))
            {
                return Fail($"target group '{name}' is named twice");
            }

            forward.Add(new ForwardTargetGroup(name, weight));
        }

        return new Parsed(new ListenerSpec(address, protocol, forward), null);

        Parsed Fail(string problem) => new(null, $"--listener '{text}': {problem} ({Syntax})");
    }

    /// <summary>Null for <c>HOST:PORT</c> with a port 0–65535 (<c>[::1]:8080</c> for IPv6), else what is wrong.</summary>
    private static string? AddressProblem(string address)
    {
        var colon = address.LastIndexOf(':');
        if (address.Length == 0)
        {
            return "no address before '='";
        }

        return colon <= 0 || !int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535
            ? $"address '{address}' must be HOST:PORT with a port 0-65535, e.g. 127.0.0.1:8080"
            : null;
    }
}
