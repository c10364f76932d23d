namespace Greenlight.LoadBalancer.Tests.TestSupport;

/// <summary>Answers the scripted numbers in order (failing when the script runs out); records the bounds asked for.</summary>
internal sealed class ScriptedRandom(params int[] script) : IRandomSource
{
    private int _next;

    public List<int> Bounds { get; } = [];

    public int Next(int maxExclusive)
    {
        Bounds.Add(maxExclusive);
        Assert.True(_next < script.Length, "the scripted random source ran out of numbers");
        var value = script[_next++];
        Assert.InRange(value, 0, maxExclusive - 1);
        return value;
    }
}

/// <summary>A deterministic source: <see cref="Random"/> with a seed (thread-safe by a lock).</summary>
internal sealed class SeededRandom(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public int Next(int maxExclusive)
    {
        lock (_random)
        {
            return _random.Next(maxExclusive);
        }
    }
}
