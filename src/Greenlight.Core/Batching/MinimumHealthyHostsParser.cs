using System.Globalization;

namespace Greenlight.Core.Batching;

/// <summary>Reads the <c>HOST_COUNT:n</c> / <c>FLEET_PERCENT:p</c> text form of <see cref="MinimumHealthyHosts"/>.</summary>
public static class MinimumHealthyHostsParser
{
    /// <summary>
    /// Parses <c>HOST_COUNT:n</c> or <c>FLEET_PERCENT:p</c> (type case-sensitive, as on the wire) and checks the range.
    /// On failure <paramref name="error"/> says what was wrong.
    /// </summary>
    public static MinimumHealthyHosts? Parse(string text, out ConfigurationError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        MinimumHealthyHostsType? type = parts[0] switch
        {
            MinimumHealthyHosts.HostCountWireName => MinimumHealthyHostsType.HostCount,
            MinimumHealthyHosts.FleetPercentWireName => MinimumHealthyHostsType.FleetPercent,
            _ => null,
        };
        if (parts.Length != 2 || type is null
            || !int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            error = new(ConfigurationErrorCode.MalformedMinimumHealthyHosts,
                $"minimum healthy hosts must be HOST_COUNT:n or FLEET_PERCENT:p, got '{text}'");
            return null;
        }

        var result = new MinimumHealthyHosts(type.Value, value);
        var errors = DeploymentConfiguration.Validate(result);
        error = errors.IsEmpty ? null : errors[0];
        return errors.IsEmpty ? result : null;
    }
}
