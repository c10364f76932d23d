namespace Greenlight.Core.Deployments;

/// <summary>The verdict on a finished wave of instances.</summary>
internal sealed record WaveResult(bool Succeeded, FailureReason? Failure)
{
    public static WaveResult Success { get; } = new(true, null);
}
