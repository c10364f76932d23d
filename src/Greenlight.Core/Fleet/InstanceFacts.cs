namespace Greenlight.Core.Fleet;

/// <summary>
/// What the shell saw of an instance at the moment of deciding: whether its agent has ever been heard from, when last,
/// and whether its process (for providers that run one) is alive.
/// </summary>
public sealed record InstanceFacts(DateTimeOffset? LastHeartbeat, bool ProcessAlive)
{
    public static InstanceFacts Unknown { get; } = new(null, true);
}
