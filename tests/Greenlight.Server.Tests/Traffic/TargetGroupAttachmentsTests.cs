using Greenlight.Contracts.V1;
using Greenlight.Server.Traffic;

namespace Greenlight.Server.Tests.Traffic;

/// <summary>The attachment's pure reconcile: which targets an attached scaling group adds and removes.</summary>
public sealed class TargetGroupAttachmentsTests
{
    private static readonly TargetGroupDocument Empty = new("tg", 8080, new HealthCheckSpec(), 0, "round_robin", 0, [], DateTimeOffset.UnixEpoch);

    [Fact]
    public void Reconcile_ArrivingInstanceRegisteredByItsLaunchDeployment_StaysATarget()
    {
        var doc = Empty.Register("i-old", 8080, "blue", "asg:web").Register("i-new", 8080, "blue", "asg:web");

        var (next, notes) = TargetGroupAttachments.Reconcile(doc, [("i-old", "asg:web")], new HashSet<string>(StringComparer.Ordinal) { "i-new" });

        Assert.Empty(notes);
        Assert.NotNull(next.Find("i-new"));
    }

    [Fact]
    public void Reconcile_InstanceNeitherInServiceNorArriving_IsDeregistered()
    {
        var doc = Empty.Register("i-old", 8080, "blue", "asg:web").Register("i-gone", 8080, "blue", "asg:web");

        var (_, notes) = TargetGroupAttachments.Reconcile(doc, [("i-old", "asg:web")], new HashSet<string>(StringComparer.Ordinal));

        Assert.Equal([new TargetGroupAttachments.Note("web", "deregistered", "i-gone")], notes);
    }
}
