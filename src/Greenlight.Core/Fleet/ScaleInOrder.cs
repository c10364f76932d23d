namespace Greenlight.Core.Fleet;

/// <summary>
/// Which live instance a scale-in terminates first: the least far along (Pending, then Pending:Wait, then InService),
/// then the oldest launch template version, then the oldest launch, then the instance id (ordinal), so the choice is
/// deterministic. The same tie-breaks order instances within Pending and Pending:Wait.
/// </summary>
/// <remarks>
/// Worked example (pinned by ScaleInOrderTests): InService a (v2, 10:00), InService b (v1, 11:00), Pending:Wait c,
/// InService d (v1, 09:00), Pending e → e, c, d, b, a.
/// </remarks>
public sealed class ScaleInOrder : IComparer<FleetInstance>
{
    public static ScaleInOrder Instance { get; } = new();

    private ScaleInOrder()
    {
    }

    public int Compare(FleetInstance? x, FleetInstance? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byState = Rank(x.State).CompareTo(Rank(y.State));
        if (byState != 0)
        {
            return byState;
        }

        var byVersion = x.LaunchTemplateVersion.CompareTo(y.LaunchTemplateVersion);
        if (byVersion != 0)
        {
            return byVersion;
        }

        var byLaunch = x.LaunchedAt.CompareTo(y.LaunchedAt);
        return byLaunch != 0 ? byLaunch : string.CompareOrdinal(x.InstanceId, y.InstanceId);
    }

    private static int Rank(LifecycleState state) => state switch
    {
        LifecycleState.Pending => 0,
        LifecycleState.PendingWait => 1,
        _ => 2,
    };
}
