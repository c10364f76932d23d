using Greenlight.Core.Deployments;
using Greenlight.Core.Lifecycle;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;

namespace Greenlight.Engine.Tests.Running;

public sealed class DeploymentEngineTests
{
    [Fact]
    public async Task CreateAsync_NewDeployment_StartsItAndStoresCommandsInTheOutboxUntilDispatched()
    {
        await using var h = new EngineHarness();

        var state = await h.CreateAsync(EngineHarness.Spec("d-1"));
        var pending = await h.Store.PendingCommandsAsync(10, CancellationToken.None);
        await h.Engine.RunOnceAsync(CancellationToken.None);

        Assert.Equal(DeploymentStatus.InProgress, state.Status);
        Assert.Equal(["d-1/status/InProgress", "d-1/i-1/ApplicationStop/1"], pending.Select(p => p.Key));
        Assert.Equal(["d-1/i-1/ApplicationStop/1"], h.Port.Executed);
        Assert.Empty(await h.Store.PendingCommandsAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task ObserveAsync_Rejected_WritesNothing()
    {
        await using var h = new EngineHarness();
        await h.CreateAsync(EngineHarness.Spec("d-1"));
        var before = await h.Store.GetDeploymentAsync("d-1", CancellationToken.None);

        var result = await h.Engine.ObserveAsync("d-1", new EventCompleted("i-2", LifecycleEvent.AfterInstall, 1, true), CancellationToken.None);
        var after = await h.Store.GetDeploymentAsync("d-1", CancellationToken.None);

        Assert.Equal(RejectionCode.Stale, result.Rejection!.Code);
        Assert.Equal(before!.Version, after!.Version);
        Assert.Equal(2, (await h.Store.ListEventsAsync("d-1", 0, 100, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ObserveAsync_UnknownDeployment_IsNotFound()
    {
        await using var h = new EngineHarness();

        Assert.False((await h.Engine.ObserveAsync("d-none", new Tick(), CancellationToken.None)).Found);
    }

    [Fact]
    public async Task RunOnceAsync_PortFails_LeavesCommandPendingAndRetriesNextPass()
    {
        await using var h = new EngineHarness();
        h.Port.FailuresLeft = 1;
        await h.CreateAsync(EngineHarness.Spec("d-1"));

        await h.Engine.RunOnceAsync(CancellationToken.None);
        var stillPending = await h.Store.PendingCommandsAsync(10, CancellationToken.None);
        await h.Engine.RunOnceAsync(CancellationToken.None);

        Assert.Equal(["d-1/i-1/ApplicationStop/1"], stillPending.Select(p => p.Key));
        Assert.Equal(["d-1/i-1/ApplicationStop/1"], h.Port.Executed);
    }

    [Fact]
    public async Task RunOnceAsync_TimePassesTheEventStartDeadline_TicksTheDeploymentToFailure()
    {
        await using var h = new EngineHarness();
        await h.CreateAsync(EngineHarness.Spec("d-1", hosts: 1) with { AutoRollback = AutoRollbackConfiguration.Disabled });
        await h.Engine.RunOnceAsync(CancellationToken.None);

        h.Time.Advance(TimeSpan.FromMinutes(4));
        await h.Engine.RunOnceAsync(CancellationToken.None);
        var early = await h.StateAsync("d-1");
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.Engine.RunOnceAsync(CancellationToken.None);
        var late = await h.StateAsync("d-1");

        Assert.Equal(DeploymentStatus.InProgress, early.Status);
        Assert.Equal(DeploymentStatus.Failed, late.Status);
        Assert.Equal("EventStartTimedOut", late.Instances[0].Diagnostics!.ErrorCode);
    }

    [Fact]
    public async Task Deployment_AllEventsSucceed_SucceedsAndRecordsKnownGood()
    {
        await using var h = new EngineHarness();
        await h.CreateAsync(EngineHarness.Spec("d-1"));
        await h.Engine.RunOnceAsync(CancellationToken.None);

        await h.AnswerAsync();

        Assert.Equal(DeploymentStatus.Succeeded, (await h.StateAsync("d-1")).Status);
        Assert.Equal(["d-1"], h.Factory.Succeeded);
        var events = await h.Store.ListEventsAsync("d-1", 0, 1000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
    }

    [Fact]
    public async Task Deployment_Fails_CreatesTheRollbackWithADerivedIdAndLinksIt()
    {
        await using var h = new EngineHarness();
        await h.CreateAsync(EngineHarness.Spec("d-1"));
        await h.Engine.RunOnceAsync(CancellationToken.None);

        await h.AnswerAsync(run => run.DeploymentIdIs("d-1") && run.Event == LifecycleEvent.ValidateService);

        var failed = await h.StateAsync("d-1");
        var rollbackId = DeploymentIds.DerivedFrom("d-1/rollback");
        var rollback = await h.StateAsync(rollbackId);
        Assert.Equal(DeploymentStatus.Failed, failed.Status);
        Assert.Equal(rollbackId, failed.Rollback!.RollbackDeploymentId);
        Assert.Equal(("rev-1", "d-1"), (rollback.Spec.Revision, rollback.Rollback!.RollbackTriggeringDeploymentId));
        Assert.Equal(DeploymentStatus.Succeeded, rollback.Status);
    }

    [Fact]
    public async Task Deployment_FailsAndTheRollbackIsRefused_SaysWhyInsteadOfAwaitingIt()
    {
        await using var h = new EngineHarness();
        h.Factory.RefuseRollbacks = "the deployment group no longer exists";
        await h.CreateAsync(EngineHarness.Spec("d-1"));
        await h.Engine.RunOnceAsync(CancellationToken.None);

        await h.AnswerAsync(run => run.DeploymentIdIs("d-1") && run.Event == LifecycleEvent.ValidateService);

        var failed = await h.StateAsync("d-1");
        Assert.Equal(DeploymentStatus.Failed, failed.Status);
        Assert.False(failed.Rollback!.AwaitingDeployment);
        Assert.Null(failed.Rollback.RollbackDeploymentId);
        Assert.StartsWith("could not roll back: the deployment group no longer exists (asked: rolling back to rev-1", failed.Rollback.RollbackMessage, StringComparison.Ordinal);
        Assert.Contains("could not roll back", failed.Reason, StringComparison.Ordinal);
        Assert.Null(await h.Store.GetDeploymentAsync(DeploymentIds.DerivedFrom("d-1/rollback"), CancellationToken.None));
    }

    [Fact]
    public async Task ObserveAsync_ManyConcurrentObservers_AreSerializedWithAGapFreeLog()
    {
        await using var h = new EngineHarness();
        await h.CreateAsync(EngineHarness.Spec("d-1", hosts: 1));

        var observations = Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? (Observation)new EventStarted("i-1", LifecycleEvent.ApplicationStop, 1)
            : new InstanceLaunched($"n-{i}"));
        var results = await Task.WhenAll(observations.Select(o => Task.Run(() => h.Engine.ObserveAsync("d-1", o, CancellationToken.None))));

        var events = await h.Store.ListEventsAsync("d-1", 0, 1000, CancellationToken.None);
        Assert.Equal(1 + 20, results.Count(r => r.Applied));
        Assert.Equal(19, results.Count(r => r.Rejection?.Code == RejectionCode.Stale));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Equal(2 + 1 + 20, events.Count);
    }

    [Fact]
    public async Task CreateAsync_SecondInTheSameGroup_IsRefusedWithDeploymentLimitExceeded()
    {
        await using var h = new EngineHarness();
        await h.CreateAsync(EngineHarness.Spec("d-1"));

        var refused = await Assert.ThrowsAsync<StoreConflictException>(() => h.CreateAsync(EngineHarness.Spec("d-2")));

        Assert.Equal("DeploymentLimitExceeded", refused.Code);
        Assert.Null(await h.Store.GetDeploymentAsync("d-2", CancellationToken.None));
    }
}

internal static class RunExtensions
{
    public static bool DeploymentIdIs(this RunLifecycleEvent run, string id) => run.Key.StartsWith(id + "/", StringComparison.Ordinal);
}
