using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Greenlight.Core.Batching;

/// <summary>
/// A named deployment configuration for EC2/on-premises deployments (codedeploy-semantics §4.1–4.2): how many
/// instances must stay healthy. <see cref="IsOneAtATime"/> marks <c>CodeDeployDefault.OneAtATime</c>, whose rule
/// (min N − 1, one in flight, last-instance failure tolerated) is not expressible as a plain minimum; its
/// <see cref="MinimumHealthyHosts"/> is the nominal FLEET_PERCENT 99 the instance-health page lists.
/// </summary>
public sealed record DeploymentConfiguration
{
    /// <summary>Predefined names start with this; custom names may not.</summary>
    public const string ReservedPrefix = "CodeDeployDefault.";

    public const int MaxNameLength = 100;

    [JsonConstructor]
    private DeploymentConfiguration(string name, MinimumHealthyHosts minimumHealthyHosts, bool isOneAtATime)
    {
        Name = name;
        MinimumHealthyHosts = minimumHealthyHosts;
        IsOneAtATime = isOneAtATime;
    }

    public string Name { get; }

    public MinimumHealthyHosts MinimumHealthyHosts { get; }

    public bool IsOneAtATime { get; }

    public bool IsPredefined => Name.StartsWith(ReservedPrefix, StringComparison.Ordinal);

    /// <summary><c>CodeDeployDefault.OneAtATime</c>: one instance at a time; the default.</summary>
    public static DeploymentConfiguration OneAtATime { get; } =
        new(ReservedPrefix + "OneAtATime", MinimumHealthyHosts.FleetPercent(99), isOneAtATime: true);

    /// <summary><c>CodeDeployDefault.HalfAtATime</c>: FLEET_PERCENT 50.</summary>
    public static DeploymentConfiguration HalfAtATime { get; } =
        new(ReservedPrefix + "HalfAtATime", MinimumHealthyHosts.FleetPercent(50), isOneAtATime: false);

    /// <summary><c>CodeDeployDefault.AllAtOnce</c>: HOST_COUNT 0.</summary>
    public static DeploymentConfiguration AllAtOnce { get; } =
        new(ReservedPrefix + "AllAtOnce", MinimumHealthyHosts.HostCount(0), isOneAtATime: false);

    /// <summary>Used when neither the deployment nor its group names a configuration.</summary>
    public static DeploymentConfiguration Default => OneAtATime;

    public static ImmutableArray<DeploymentConfiguration> Predefined { get; } = [OneAtATime, HalfAtATime, AllAtOnce];

    /// <summary>
    /// Finds a predefined configuration or one of <paramref name="custom"/> by name, case-sensitively as AWS does.
    /// An unknown name gives <see cref="ConfigurationErrorCode.UnknownName"/> with a message listing the known names.
    /// </summary>
    public static ConfigurationResult Lookup(string name, IEnumerable<DeploymentConfiguration>? custom = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var known = Predefined.Concat(custom ?? []).ToImmutableArray();
        var found = known.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
        return found is not null
            ? ConfigurationResult.Ok(found)
            : ConfigurationResult.Fail(
                ConfigurationErrorCode.UnknownName,
                $"unknown deployment configuration '{name}'; known: {string.Join(", ", known.Select(c => c.Name))}");
    }

    /// <summary>
    /// Validates a custom configuration (codedeploy-semantics §4.2) and returns every error: name 1–100 characters
    /// of <c>[A-Za-z0-9._+=,@-]</c> not starting with <c>CodeDeployDefault.</c>; HOST_COUNT ≥ 0; FLEET_PERCENT 0–99.
    /// </summary>
    public static ConfigurationResult Custom(string name, MinimumHealthyHosts minimumHealthyHosts)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(minimumHealthyHosts);
        var errors = ImmutableArray.CreateBuilder<ConfigurationError>();
        if (name.Length is 0 or > MaxNameLength)
        {
            errors.Add(new(ConfigurationErrorCode.NameLength,
                string.Create(CultureInfo.InvariantCulture, $"name must be 1-{MaxNameLength} characters, got {name.Length}")));
        }

        var bad = name.Where(c => !IsNameCharacter(c)).Distinct().ToArray();
        if (bad.Length > 0)
        {
            errors.Add(new(ConfigurationErrorCode.NameCharacters,
                $"name may only contain A-Z a-z 0-9 . _ + = , @ -; found '{new string(bad)}'"));
        }

        if (name.StartsWith(ReservedPrefix, StringComparison.Ordinal))
        {
            errors.Add(new(ConfigurationErrorCode.NameReservedPrefix, $"name may not start with '{ReservedPrefix}'"));
        }

        errors.AddRange(Validate(minimumHealthyHosts));
        return errors.Count == 0
            ? ConfigurationResult.Ok(new DeploymentConfiguration(name, minimumHealthyHosts, isOneAtATime: false))
            : ConfigurationResult.Fail(errors.ToImmutable());
    }

    /// <summary>The range errors of a minimum-healthy-hosts value: HOST_COUNT ≥ 0, FLEET_PERCENT 0–99.</summary>
    public static ImmutableArray<ConfigurationError> Validate(MinimumHealthyHosts minimumHealthyHosts)
    {
        ArgumentNullException.ThrowIfNull(minimumHealthyHosts);
        return minimumHealthyHosts switch
        {
            { Type: MinimumHealthyHostsType.HostCount, Value: < 0 } => [new(ConfigurationErrorCode.HostCountOutOfRange,
                string.Create(CultureInfo.InvariantCulture, $"HOST_COUNT must be 0 or more, got {minimumHealthyHosts.Value}"))],
            { Type: MinimumHealthyHostsType.FleetPercent, Value: < 0 or > 99 } => [new(ConfigurationErrorCode.FleetPercentOutOfRange,
                string.Create(CultureInfo.InvariantCulture, $"FLEET_PERCENT must be 0-99, got {minimumHealthyHosts.Value}"))],
            _ => [],
        };
    }

    private static bool IsNameCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' or '=' or ',' or '@' or '-';

    public override string ToString() => IsOneAtATime ? Name + " (one at a time)" : Name + " (" + MinimumHealthyHosts + ")";
}
