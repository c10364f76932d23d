namespace Greenlight.LoadBalancer.Draining;

/// <summary>How a drain ended: the last in-flight request finished, or the deregistration delay passed first.</summary>
internal enum DrainOutcome
{
    Drained,
    DelayExpired,
}
