using Greenlight.Core.Batching;
using Greenlight.Core.Deployments;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Cli.Commands.Plan;

/// <summary>The <c>greenlight plan --output json</c> document. Error codes use CodeDeploy's wire names.</summary>
internal sealed record PlanJson(
    int Instances,
    PlanJson.ConfigurationJson Configuration,
    PlanJson.RuleJson Rule,
    LifecycleScenario Scenario,
    IReadOnlyList<PlanJson.StepJson> Lifecycle,
    IReadOnlyList<PlanJson.BatchJson> Batches,
    IReadOnlyList<PlanJson.InstanceJson> InstanceOutcomes,
    PlanJson.VerdictJson Verdict)
{
    public static PlanJson From(DeploymentPlan plan)
    {
        var c = plan.Constraints;
        var min = plan.Configuration.MinimumHealthyHosts;
        return new PlanJson(
            c.InstanceCount,
            new ConfigurationJson(plan.Configuration.Name, plan.Configuration.IsOneAtATime, new MinimumJson(min.TypeWireName, min.Value)),
            new RuleJson(c.MinHealthy, c.MaxInFlight, c.RequiredSuccesses, c.Invalid?.ToWireName(), PlanDescriptions.Rule(plan)),
            plan.Scenario,
            [.. plan.Lifecycle.Select(s => new StepJson(s.Event, s.RunBy, s.Scripts))],
            [.. plan.Batches.Select(b => new BatchJson(b.Number, b.InstanceNumbers, b.Succeeded, b.Failed, b.HealthyAfter))],
            [.. plan.Instances.Select(i => new InstanceJson(i.Number, i.Outcome, i.BatchNumber, i.FailedAt))],
            new VerdictJson(plan.Verdict.Outcome, plan.Verdict.ErrorCode?.ToWireName(), plan.Verdict.Explanation, plan.Verdict.RuleText));
    }

    internal sealed record ConfigurationJson(string Name, bool OneAtATime, MinimumJson MinimumHealthyHosts);

    internal sealed record MinimumJson(string Type, int Value);

    internal sealed record RuleJson(int MinHealthy, int MaxInFlight, int RequiredSuccesses, string? Invalid, string Text);

    internal sealed record StepJson(LifecycleEvent Event, LifecycleStepRunner RunBy, ScriptSource Scripts);

    internal sealed record BatchJson(int Number, IReadOnlyList<int> Instances, int Succeeded, int Failed, int HealthyAfter);

    internal sealed record InstanceJson(int Number, InstanceOutcome Outcome, int? Batch, LifecycleEvent? FailedAt);

    internal sealed record VerdictJson(FleetOutcome Outcome, string? ErrorCode, string Explanation, string Rule);
}
