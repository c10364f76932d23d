namespace Greenlight.Core.Batching;

/// <summary>Stable reasons a deployment configuration is rejected. Names are stable; callers may match on them.</summary>
public enum ConfigurationErrorCode
{
    /// <summary>No predefined or known configuration has this name.</summary>
    UnknownName,

    /// <summary>The name is empty or longer than 100 characters.</summary>
    NameLength,

    /// <summary>The name has a character outside <c>[A-Za-z0-9._+=,@-]</c>.</summary>
    NameCharacters,

    /// <summary>The name starts with <c>CodeDeployDefault.</c>, which is reserved for predefined configurations.</summary>
    NameReservedPrefix,

    /// <summary><c>HOST_COUNT</c> is negative.</summary>
    HostCountOutOfRange,

    /// <summary><c>FLEET_PERCENT</c> is outside 0–99.</summary>
    FleetPercentOutOfRange,

    /// <summary>The minimum-healthy-hosts text is not <c>HOST_COUNT:n</c> or <c>FLEET_PERCENT:p</c>.</summary>
    MalformedMinimumHealthyHosts,
}
