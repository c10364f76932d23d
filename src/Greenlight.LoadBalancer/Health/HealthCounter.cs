using Greenlight.LoadBalancer.Status;

namespace Greenlight.LoadBalancer.Health;

/// <summary>
/// A target's health from its check results: <c>HealthyThreshold</c> passes in a row make it Healthy,
/// <c>UnhealthyThreshold</c> failures in a row Unhealthy (from Initial too); it starts Initial. Not thread-safe (used
/// under the runtime's lock).
/// </summary>
/// <example>Thresholds 2/2 from Initial: pass → Initial, pass → Healthy, fail → Healthy, pass → Healthy, fail, fail → Unhealthy.</example>
internal sealed class HealthCounter
{
    private int _passes;
    private int _failures;

    public TargetState State { get; private set; } = TargetState.Initial;

    /// <summary>Why the last failed check failed (null once Healthy).</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Counts one result; true when the state changed.</summary>
    public bool Record(HealthCheckResult result, int healthyThreshold, int unhealthyThreshold)
    {
        var before = State;
        if (result.Passed)
        {
            _failures = 0;
            _passes++;
            if (_passes >= Math.Max(1, healthyThreshold))
            {
                State = TargetState.Healthy;
                LastFailure = null;
            }
        }
        else
        {
            _passes = 0;
            _failures++;
            LastFailure = result.Failure;
            if (_failures >= Math.Max(1, unhealthyThreshold))
            {
                State = TargetState.Unhealthy;
            }
        }

        return State != before;
    }

    /// <summary>Back to Initial with no result counted (a target registered again).</summary>
    public void Reset()
    {
        _passes = 0;
        _failures = 0;
        LastFailure = null;
        State = TargetState.Initial;
    }
}
