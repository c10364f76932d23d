namespace Greenlight.Core.Fleet;

/// <summary>What one instance's move in a pass means for the rest of the decision (notes, backoff, replacements).</summary>
internal enum StepKind
{
    /// <summary>Started waiting on hooks (Pending:Wait or Terminating:Wait).</summary>
    Wait,

    /// <summary>Reached InService: resets launch backoff.</summary>
    EnteredService,

    /// <summary>Marked Terminating (a failed launch when <see cref="FleetInstance.LaunchFailed"/>, else unhealthy).</summary>
    MarkedForTermination,

    /// <summary>Terminated for good.</summary>
    Terminated,
}

/// <summary>One instance's move in a pass: its next value, what kind of move it was, the action it needs, and why.</summary>
internal sealed record InstanceStep(FleetInstance Next, StepKind Kind, FleetAction? Action, string Cause);
