namespace Greenlight.LoadBalancer;

/// <summary>Randomness for the weighted choice, so tests can script it: a number in [0, maxExclusive).</summary>
public interface IRandomSource
{
    int Next(int maxExclusive);
}
