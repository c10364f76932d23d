using System.Globalization;
using Greenlight.Core.Batching;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Cli.Commands.Plan;

/// <summary>The sentences <c>greenlight plan</c> shows for a plan's rule and lifecycle, shared by table and JSON output.</summary>
internal static class PlanDescriptions
{
    /// <summary>How the minimum was derived, e.g. <c>FLEET_PERCENT 40: ceil(9 × 40 / 100) = 4</c>.</summary>
    public static string MinimumDerivation(DeploymentConfiguration config, int instances)
    {
        var min = config.MinimumHealthyHosts;
        var resolved = HealthConstraints.MinHealthyFor(config, instances);
        return config.IsOneAtATime
            ? Invariant($"OneAtATime: N - 1 = {resolved}, one at a time")
            : min.Type == MinimumHealthyHostsType.HostCount
                ? Invariant($"HOST_COUNT {min.Value}")
                : Invariant($"FLEET_PERCENT {min.Value}, rounded up: ceil({instances} x {min.Value} / 100) = {resolved}");
    }

    /// <summary>One line: minimum, cap and successes needed, or why the plan cannot start.</summary>
    public static string Rule(DeploymentPlan plan)
    {
        var c = plan.Constraints;
        var derivation = MinimumDerivation(plan.Configuration, c.InstanceCount);
        var successes = Plural(c.RequiredSuccesses, "success", "successes");
        var instances = Plural(c.InstanceCount, "instance", "instances");
        return c.Invalid switch
        {
            null => Invariant(
                $"minimum healthy {c.MinHealthy} ({derivation}), at most {c.MaxInFlight} in flight, needs {c.RequiredSuccesses} {successes}"),
            _ when c.InstanceCount == 0 => "no instances: nothing can be deployed",
            _ => Invariant(
                $"minimum healthy {c.MinHealthy} ({derivation}) is not below {c.InstanceCount} {instances}: the deployment cannot start"),
        };
    }

    public static string Runner(LifecycleStep step) => step.RunBy switch
    {
        LifecycleStepRunner.Service => "service",
        LifecycleStepRunner.Agent => "agent",
        _ => "hook scripts",
    };

    public static string Source(ScriptSource source) => source switch
    {
        ScriptSource.CurrentRevision => "current revision",
        ScriptSource.LastSuccessfulInstall => "last successful install",
        ScriptSource.MostRecentInstall => "most recent install",
        _ => "",
    };

    public static string Scenario(LifecycleScenario scenario) => scenario switch
    {
        LifecycleScenario.InPlaceWithLoadBalancer => "in-place with a load balancer",
        LifecycleScenario.InPlace => "in-place, no load balancer",
        _ => scenario.ToString(),
    };

    public static string Plural(int count, string one, string many) => count == 1 ? one : many;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
