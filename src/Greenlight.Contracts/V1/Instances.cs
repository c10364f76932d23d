namespace Greenlight.Contracts.V1;

public sealed record Tag(string? Key, string? Value);

/// <summary>RegisterOnPremisesInstance + AddTagsToOnPremisesInstances in one call.</summary>
public sealed record RegisterInstanceInput(IReadOnlyList<Tag>? Tags);

/// <summary>InstanceInfo.</summary>
public sealed record InstanceInfo(string InstanceName, IReadOnlyList<Tag> Tags, DateTimeOffset RegisterTime, DateTimeOffset? DeregisterTime);
