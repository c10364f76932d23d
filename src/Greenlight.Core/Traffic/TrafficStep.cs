namespace Greenlight.Core.Traffic;

/// <summary>
/// One step of a blue/green traffic shift: the whole percentage of requests the green (replacement)
/// fleet receives, and how long to bake there with alarms watched before the next step.
/// Blue receives <c>100 - GreenWeight</c>, so the two always sum to 100.
/// </summary>
public sealed record TrafficStep(int GreenWeight, TimeSpan Bake)
{
    public int BlueWeight => 100 - GreenWeight;
}
