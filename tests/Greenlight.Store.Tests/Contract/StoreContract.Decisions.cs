using Greenlight.Engine.Storage;

namespace Greenlight.Store.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task CommitDecisionAsync_ExpectedVersion_StateEventsAndCommandsWritten()
    {
        await CreateAsync(Deployment("d-1"));
        var decision = Decision(
            "d-1", 1, "InProgress", wakeAt: T0.AddMinutes(1), at: T0.AddSeconds(3),
            events: [new("BatchStarted", """{"batch":1}""")],
            commands: [new("d-1/i-1/install/1", "RunHook", """{"host":"i-1"}""")]);

        var result = await Store.CommitDecisionAsync(decision, Ct);

        Assert.Equal(new CommitResult(true, 2), result);
        var stored = await Store.GetDeploymentAsync("d-1", Ct);
        Assert.Equal(
            (decision.StateJson, "InProgress", 2L, (DateTimeOffset?)T0.AddMinutes(1), T0.AddSeconds(3), T0),
            (stored!.StateJson, stored.Status, stored.Version, stored.WakeAt, stored.UpdatedAt, stored.CreatedAt));
        Assert.Equal(new EventEntry("d-1", 2, T0.AddSeconds(3), "BatchStarted", """{"batch":1}"""), (await AllEventsAsync("d-1"))[^1]);
        Assert.Equal(
            [new OutboxEntry("d-1", 1, "d-1/i-1/install/1", "RunHook", """{"host":"i-1"}""", T0.AddSeconds(3), null)],
            await Store.PendingCommandsAsync(10, Ct));
    }

    [Fact]
    public async Task CommitDecisionAsync_StaleVersion_ConflictAndNothingWritten()
    {
        await CreateAsync(Deployment("d-1"));
        await Store.CommitDecisionAsync(Decision("d-1", 1, commands: [new("k1", "RunHook", "{}")]), Ct);
        var before = await Store.GetDeploymentAsync("d-1", Ct);

        var result = await Store.CommitDecisionAsync(
            Decision("d-1", 1, "Failed", terminal: true, events: [new("Lost", "{}")], commands: [new("k2", "RunHook", "{}")]), Ct);

        Assert.Equal(CommitResult.Conflict, result);
        Assert.Equal(before, await Store.GetDeploymentAsync("d-1", Ct));
        Assert.Equal([1L, 2L], (await AllEventsAsync("d-1")).Select(e => e.Seq));
        Assert.Equal(["k1"], (await Store.PendingCommandsAsync(10, Ct)).Select(c => c.Key));
        Assert.Equal(["d-1"], await Store.ActiveDeploymentsAsync(Ct));
    }

    [Fact]
    public async Task CommitDecisionAsync_UnknownDeployment_NotFound()
    {
        var refused = await Assert.ThrowsAsync<StoreConflictException>(() => Store.CommitDecisionAsync(Decision("d-404", 1), Ct));

        Assert.Equal("NotFound", refused.Code);
    }

    [Fact]
    public async Task CommitDecisionAsync_ManyCommits_EventSeqGapFreePerDeployment()
    {
        await CreateAsync(Deployment("d-1", group: "g1"));
        await CreateAsync(Deployment("d-2", group: "g2"));
        var expected = new Dictionary<string, int> { ["d-1"] = 1, ["d-2"] = 1 };

        for (var i = 0; i < 30; i++)
        {
            var id = i % 3 == 0 ? "d-2" : "d-1";
            var version = (await Store.GetDeploymentAsync(id, Ct))!.Version;
            var events = Enumerable.Range(0, i % 4).Select(n => new NewEvent("E" + n, "{}")).ToList();
            Assert.True((await Store.CommitDecisionAsync(Decision(id, version, events: events), Ct)).Committed);
            expected[id] += events.Count;
        }

        foreach (var (id, count) in expected)
        {
            Assert.Equal(Enumerable.Range(1, count).Select(n => (long)n), (await AllEventsAsync(id)).Select(e => e.Seq));
        }
    }

    [Fact]
    public async Task CommitDecisionAsync_CommandKeyAlreadyInOutbox_NotAddedTwiceAndSeqGapFree()
    {
        await CreateAsync(Deployment("d-1"));
        await Store.CommitDecisionAsync(Decision("d-1", 1, commands: [new("k1", "RunHook", "first"), new("k1", "RunHook", "same commit")]), Ct);

        await Store.CommitDecisionAsync(Decision("d-1", 2, commands: [new("k1", "RunHook", "retry"), new("k2", "RunHook", "{}")]), Ct);

        var pending = await Store.PendingCommandsAsync(10, Ct);
        Assert.Equal([(1L, "k1", "first"), (2L, "k2", "{}")], pending.Select(c => (c.Seq, c.Key, c.Json)));
    }

    [Fact]
    public async Task CommitDecisionAsync_Terminal_DeploymentNoLongerActiveOrDue()
    {
        await CreateAsync(Deployment("d-1", wakeAt: T0));

        await Store.CommitDecisionAsync(Decision("d-1", 1, "Succeeded", terminal: true, wakeAt: T0), Ct);

        Assert.Empty(await Store.ActiveDeploymentsAsync(Ct));
        Assert.Empty(await Store.DueDeploymentsAsync(T0.AddDays(1), 10, Ct));
        Assert.Equal("Succeeded", (await Store.GetDeploymentAsync("d-1", Ct))!.Status);
    }

    [Fact]
    public async Task CommitDecisionAsync_ReactivatesFinishedWhileGroupBusy_DeploymentLimitExceededAndNothingWritten()
    {
        await CreateAsync(Deployment("d-1"));
        await Store.CommitDecisionAsync(Decision("d-1", 1, "Failed", terminal: true), Ct);
        await CreateAsync(Deployment("d-2"));

        var refused = await Assert.ThrowsAsync<StoreConflictException>(() => Store.CommitDecisionAsync(Decision("d-1", 2, "InProgress"), Ct));

        Assert.Equal("DeploymentLimitExceeded", refused.Code);
        Assert.Equal(("Failed", 2L), ((await Store.GetDeploymentAsync("d-1", Ct))!.Status, (await Store.GetDeploymentAsync("d-1", Ct))!.Version));
        Assert.Equal(["d-2"], await Store.ActiveDeploymentsAsync(Ct));
    }
}
