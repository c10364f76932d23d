using Greenlight.Contracts.V1;
using Greenlight.Core.Deployments;
using Greenlight.Core.Fleet;
using Greenlight.Server.Traffic;

namespace Greenlight.Server.Tests.Traffic;

/// <summary>The target group document's changes: register/deregister with holds, normalization of a finished shift, the command port's pools.</summary>
public sealed class TargetGroupDocumentTests
{
    private static readonly TargetGroupDocument Empty = new("tg", 8080, new HealthCheckSpec(), 0, "round_robin", 0, [], DateTimeOffset.UnixEpoch);

    [Fact]
    public void Normalize_OnlyGreenTargetsAtWeight100_MakesThemBlueAtWeight0()
    {
        var doc = Empty.Register("g-1", 8080, "green", "deployment").Register("g-2", 8080, "green", "deployment") with { GreenWeight = 100 };

        var normal = doc.Normalize();

        Assert.Equal(0, normal.GreenWeight);
        Assert.All(normal.Targets, t => Assert.Equal("blue", t.Pool));
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(60, false)]
    public void Normalize_ABlueTargetLeftOrAPartialShift_ChangesNothing(int weight, bool withBlue)
    {
        var doc = Empty.Register("g-1", 8080, "green", "deployment") with { GreenWeight = weight };
        doc = withBlue ? doc.Register("b-1", 8080, "blue", "api") : doc;

        var normal = doc.Normalize();

        Assert.Equal(weight, normal.GreenWeight);
        Assert.Contains(normal.Targets, t => t.Pool == "green");
    }

    [Fact]
    public void Change_BlueGreenReplacementAndOriginal_GoToGreenAndBlueAtTheGroupPort()
    {
        var directory = InstanceDirectoryWith();

        var green = TrafficCommandPort.Change(Empty, new RegisterTarget("k1", "g-1", InstanceRole.Replacement), DeploymentKind.BlueGreen, directory);
        var blue = TrafficCommandPort.Change(Empty, new RegisterTarget("k2", "b-1", InstanceRole.Original), DeploymentKind.BlueGreen, directory);
        var inPlace = TrafficCommandPort.Change(Empty, new RegisterTarget("k3", "i-1", InstanceRole.Replacement), DeploymentKind.InPlace, directory);

        Assert.Equal(new TargetEntry("g-1", 8080, "green", "deployment"), Assert.Single(green.Targets));
        Assert.Equal("blue", Assert.Single(blue.Targets).Pool);
        Assert.Equal("blue", Assert.Single(inPlace.Targets).Pool);
    }

    [Fact]
    public void DeregisterThenRegister_HoldsTheInstanceOutUntilRegisteredAndKeepsTheAttachmentAsSource()
    {
        var doc = Empty.Register("i-1", 8080, "blue", TargetEntry.Attachment("asg"));

        var held = doc.Deregister("i-1", holdOut: true);
        var attached = TargetGroupAttachments.Reconcile(held, [("i-1", "asg:asg")]);
        var back = TrafficCommandPort.Change(held, new RegisterTarget("k", "i-1", InstanceRole.Target), DeploymentKind.InPlace, InstanceDirectoryWith(("asg", "i-1", "tg")));

        Assert.Empty(held.Targets);
        Assert.Equal(["i-1"], held.HeldOut);
        Assert.Empty(attached.Notes);
        Assert.Empty(attached.Next.Targets);
        Assert.Empty(back.HeldOut);
        Assert.Equal("asg:asg", Assert.Single(back.Targets).Source);
    }

    [Fact]
    public void Reconcile_AddsInServiceMembersAdoptsRegisteredOnesAndRemovesOnlyTheAttachmentsFormerMembers()
    {
        var doc = Empty.Register("old", 8080, "blue", "asg:asg").Register("mine", 8080, "blue", "api").Register("deployed", 8080, "blue", "deployment");

        var (next, notes) = TargetGroupAttachments.Reconcile(doc, [("new", "asg:asg")]);
        var (adopted, adoptNotes) = TargetGroupAttachments.Reconcile(next, [("new", "asg:asg"), ("deployed", "asg:asg")]);
        var (left, _) = TargetGroupAttachments.Reconcile(adopted, [("new", "asg:asg")]);

        Assert.Equal(["mine", "deployed", "new"], next.Targets.Select(t => t.InstanceId));
        Assert.Equal([("registered", "new"), ("deregistered", "old")], notes.Select(n => (n.Change, n.InstanceId)));
        Assert.Equal([("adopted", "deployed")], adoptNotes.Select(n => (n.Change, n.InstanceId)));
        Assert.Equal(["mine", "new"], left.Targets.Select(t => t.InstanceId));
    }

    [Fact]
    public void Applied_KeepsTheLatest200Keys()
    {
        var doc = Enumerable.Range(0, 250).Aggregate(Empty, (d, i) => d.Applied("k" + i));

        Assert.Equal(200, doc.AppliedCommands.Count);
        Assert.Equal("k249", doc.AppliedCommands[^1]);
        Assert.DoesNotContain("k49", doc.AppliedCommands);
    }

    private static InstanceDirectory InstanceDirectoryWith(params (string Group, string Instance, string TargetGroup)[] members) =>
        InstanceDirectory.For(members.Select(m => new Server.Fleet.AutoScalingGroupDocument(m.Group, new LaunchTemplateSpecification("lt"), 0, 1, 1, "AGENT", 0, [], [], DateTimeOffset.UnixEpoch,
            new ScalingState([new FleetInstance(m.Instance, LifecycleState.InService, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)]), [], [])
        {
            TargetGroupNames = [m.TargetGroup],
        }).ToList(), new HashSet<string>());
}
