using Greenlight.Core.Deployments;

namespace Greenlight.Core.Batching;

/// <summary>
/// The end of a deployment's instance phase: <see cref="FleetOutcome.Succeeded"/>, or Failed with an error code.
/// <see cref="Explanation"/> is the rule that decided it, for people (e.g. <c>healthy 9 ≥ minimum 9</c>).
/// </summary>
public sealed record FleetVerdict(FleetOutcome Outcome, DeploymentErrorCode? ErrorCode, string Explanation)
{
    public bool Succeeded => Outcome == FleetOutcome.Succeeded;

    public static FleetVerdict Success(string explanation) => new(FleetOutcome.Succeeded, null, explanation);

    public static FleetVerdict Failure(DeploymentErrorCode code, string explanation) => new(FleetOutcome.Failed, code, explanation);

    /// <summary>One line: <c>Succeeded (succeeded 9 ≥ required 9)</c> or <c>Failed: HEALTH_CONSTRAINTS (…)</c>.</summary>
    public string RuleText => ErrorCode is { } code
        ? $"{Outcome}: {code.ToWireName()} ({Explanation})"
        : $"{Outcome} ({Explanation})";

    public override string ToString() => RuleText;
}
