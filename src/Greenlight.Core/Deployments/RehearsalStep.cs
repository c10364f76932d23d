namespace Greenlight.Core.Deployments;

/// <summary>One decision of a rehearsal: when it was taken (from the start), what was observed, and the decision.</summary>
public sealed record RehearsalStep(TimeSpan At, Observation Observation, Decision Decision);
