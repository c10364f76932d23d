namespace Greenlight.Contracts.V1;

public sealed record Tag(string? Key, string? Value);

/// <summary>
/// RegisterOnPremisesInstance + AddTagsToOnPremisesInstances in one call. Greenlight adds <see cref="Address"/>: the IP the
/// instance serves on, where load balancer targets send its requests (kept when absent on a re-registration).
/// </summary>
public sealed record RegisterInstanceInput(IReadOnlyList<Tag>? Tags, string? Address = null);

/// <summary>InstanceInfo. <see cref="Address"/>: the IP the instance serves on (enrolled agents report it), or null.</summary>
public sealed record InstanceInfo(string InstanceName, IReadOnlyList<Tag> Tags, DateTimeOffset RegisterTime, DateTimeOffset? DeregisterTime)
{
    public string? Address { get; init; }
}
