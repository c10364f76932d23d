using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Greenlight.Core.Batching;

/// <summary>A deployment configuration, or every reason it was rejected. Expected failures are values, not exceptions.</summary>
public sealed record ConfigurationResult
{
    private ConfigurationResult(DeploymentConfiguration? configuration, ImmutableArray<ConfigurationError> errors)
    {
        Configuration = configuration;
        Errors = errors;
    }

    /// <summary>The configuration when <see cref="IsValid"/>; otherwise null.</summary>
    public DeploymentConfiguration? Configuration { get; }

    /// <summary>Every error found; empty when <see cref="IsValid"/>.</summary>
    public ImmutableArray<ConfigurationError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Configuration))]
    public bool IsValid => Configuration is not null;

    public static ConfigurationResult Ok(DeploymentConfiguration configuration) => new(configuration, []);

    public static ConfigurationResult Fail(ImmutableArray<ConfigurationError> errors) =>
        errors.IsDefaultOrEmpty ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(null, errors);

    public static ConfigurationResult Fail(ConfigurationErrorCode code, string message) => Fail([new ConfigurationError(code, message)]);
}
