using Greenlight.Contracts.V1;

namespace Greenlight.Agent.Events;

/// <summary>How a lifecycle event ended on this host: success, or failure with CodeDeploy-style diagnostics.</summary>
public sealed record EventOutcome(bool Succeeded, Diagnostics? Diagnostics)
{
    public static EventOutcome Success { get; } = new(true, null);

    public static EventOutcome Failure(string errorCode, string message, string? script = null, string? logTail = null) =>
        new(false, new Diagnostics(errorCode, script, message, logTail));
}
