namespace Greenlight.LoadBalancer;

/// <summary>The default randomness: <see cref="Random.Shared"/> (thread-safe).</summary>
internal sealed class SharedRandomSource : IRandomSource
{
    public static SharedRandomSource Instance { get; } = new();

    public int Next(int maxExclusive) => Random.Shared.Next(maxExclusive);
}
