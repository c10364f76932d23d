namespace Greenlight.Engine.Storage;

/// <summary>The outcome of <see cref="IGreenlightStore.CommitDecisionAsync"/>: the new version, or a conflict when another writer got there first.</summary>
public sealed record CommitResult(bool Committed, long Version)
{
    public static CommitResult Conflict { get; } = new(false, 0);
}
