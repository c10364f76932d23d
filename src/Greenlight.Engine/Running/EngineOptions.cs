namespace Greenlight.Engine.Running;

/// <summary>How often the engine looks for due wake-ups and undispatched commands when nothing signals it.</summary>
public sealed record EngineOptions(TimeSpan PollInterval, int BatchSize = 100)
{
    public static EngineOptions Default { get; } = new(TimeSpan.FromSeconds(1));
}
