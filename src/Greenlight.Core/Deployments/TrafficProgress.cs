namespace Greenlight.Core.Deployments;

/// <summary>Blue/green traffic: the step in force (-1 before the first), green's weight, and when the step began.</summary>
public sealed record TrafficProgress(int StepIndex, int GreenWeight, DateTimeOffset? StepStartedAt)
{
    public static TrafficProgress None { get; } = new(-1, 0, null);

    public int BlueWeight => 100 - GreenWeight;
}
