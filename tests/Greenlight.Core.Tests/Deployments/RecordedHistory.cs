using System.Text.Json.Nodes;
using Greenlight.Core.Deployments;

namespace Greenlight.Core.Tests.Deployments;

/// <summary>
/// A whole deployment as checked in under Histories/: the spec, then every observation with its time and the
/// decision the machine took. Replaying must reproduce every decision, so a change that alters past
/// behaviour fails a test and has to be recorded again on purpose (GREENLIGHT_RECORD_HISTORIES=1).
/// </summary>
internal sealed record RecordedHistory(string Name, string Description, DeploymentSpec Spec, List<RecordedStep> Steps)
{
    public static string Folder => Path.Combine(RepositoryRoot.Path, "tests", "Greenlight.Core.Tests", "Deployments", "Histories");

    public static RecordedHistory From(string name, string description, MachineDriver driver) =>
        new(name, description, driver.State.Spec,
            [.. driver.History.Zip(driver.Decisions, (h, d) => new RecordedStep(h.At, h.Observation, Summary(d)))]);

    /// <summary>What a decision is judged by: status, phase, reason, commands, wake-up, failure, rejection.</summary>
    public static JsonNode Summary(Decision decision) => JsonNode.Parse(DecisionJson.Of(new
    {
        decision.Next.Status,
        decision.Next.Phase,
        decision.Next.Reason,
        decision.Commands,
        decision.WakeAt,
        decision.Failure,
        decision.Rejection,
        decision.Next.Rollback,
    }))!;
}

internal sealed record RecordedStep(DateTimeOffset At, Observation Observation, JsonNode Decision);
