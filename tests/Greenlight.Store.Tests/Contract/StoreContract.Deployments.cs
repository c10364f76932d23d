using Greenlight.Engine.Storage;

namespace Greenlight.Store.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task CreateDeploymentAsync_New_StoredAtVersion1WithFirstEventAndAudit()
    {
        var deployment = Deployment("d-1", wakeAt: T0.AddSeconds(30));

        await Store.CreateDeploymentAsync(deployment, new NewEvent("Created", """{"by":"alice"}"""), Audit("CreateDeployment", "d-1"), Ct);

        Assert.Equal(deployment, await Store.GetDeploymentAsync("d-1", Ct));
        Assert.Equal([new EventEntry("d-1", 1, T0, "Created", """{"by":"alice"}""")], await AllEventsAsync("d-1"));
        Assert.Equal([Audit("CreateDeployment", "d-1")], await Store.ListAuditAsync(10, Ct));
        Assert.Equal(["d-1"], await Store.ActiveDeploymentsAsync(Ct));
    }

    [Fact]
    public async Task CreateDeploymentAsync_NoAudit_NoAuditRow()
    {
        await Store.CreateDeploymentAsync(Deployment("d-1"), new NewEvent("Created", "{}"), null, Ct);

        Assert.NotNull(await Store.GetDeploymentAsync("d-1", Ct));
        Assert.Empty(await Store.ListAuditAsync(10, Ct));
    }

    [Fact]
    public async Task CreateDeploymentAsync_SecondActiveInGroup_DeploymentLimitExceededAndNothingWritten()
    {
        await CreateAsync(Deployment("d-1"));

        var refused = await Assert.ThrowsAsync<StoreConflictException>(() => CreateAsync(Deployment("d-2")));

        Assert.Equal("DeploymentLimitExceeded", refused.Code);
        Assert.Null(await Store.GetDeploymentAsync("d-2", Ct));
        Assert.Empty(await AllEventsAsync("d-2"));
        Assert.Single(await Store.ListAuditAsync(10, Ct));
    }

    [Fact]
    public async Task CreateDeploymentAsync_NonCountingBesideActive_Allowed()
    {
        await CreateAsync(Deployment("d-1"));

        await CreateAsync(Deployment("asg-1", countsForLimit: false));
        await CreateAsync(Deployment("asg-2", countsForLimit: false));

        Assert.Equal(["asg-1", "asg-2", "d-1"], (await Store.ActiveDeploymentsAsync(Ct)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateDeploymentAsync_OtherGroupOrApplication_Allowed()
    {
        await CreateAsync(Deployment("d-1"));

        await CreateAsync(Deployment("d-2", group: "api"));
        await CreateAsync(Deployment("d-3", application: "blog"));

        Assert.Equal(3, (await Store.ActiveDeploymentsAsync(Ct)).Count);
    }

    [Fact]
    public async Task CreateDeploymentAsync_AfterTerminalCommit_Allowed()
    {
        await CreateAsync(Deployment("d-1"));
        Assert.True((await Store.CommitDecisionAsync(Decision("d-1", 1, "Succeeded", terminal: true), Ct)).Committed);

        await CreateAsync(Deployment("d-2"));

        Assert.Equal(["d-2"], await Store.ActiveDeploymentsAsync(Ct));
    }

    [Fact]
    public async Task CreateDeploymentAsync_DuplicateId_AlreadyExists()
    {
        await CreateAsync(Deployment("d-1"));

        var refused = await Assert.ThrowsAsync<StoreConflictException>(() => CreateAsync(Deployment("d-1", group: "api")));

        Assert.Equal("AlreadyExists", refused.Code);
        Assert.Equal("web", (await Store.GetDeploymentAsync("d-1", Ct))!.DeploymentGroup);
        Assert.Single(await AllEventsAsync("d-1"));
    }

    [Fact]
    public async Task GetDeploymentAsync_Unknown_Null()
    {
        Assert.Null(await Store.GetDeploymentAsync("d-404", Ct));
    }

    [Fact]
    public async Task ListDeploymentsAsync_Filters_MatchingNewestFirst()
    {
        await CreateAsync(Deployment("d-1", createdAt: T0, status: "Succeeded"));
        await Store.CommitDecisionAsync(Decision("d-1", 1, "Succeeded", terminal: true), Ct);
        await CreateAsync(Deployment("d-2", createdAt: T0.AddMinutes(1)));
        await CreateAsync(Deployment("d-3", group: "api", createdAt: T0.AddMinutes(2)));
        await CreateAsync(Deployment("d-4", application: "blog", createdAt: T0.AddMinutes(3)));

        async Task<IEnumerable<string>> Ids(DeploymentQuery query) =>
            (await Store.ListDeploymentsAsync(query, Ct)).Select(d => d.DeploymentId);

        Assert.Equal(["d-4", "d-3", "d-2", "d-1"], await Ids(new DeploymentQuery()));
        Assert.Equal(["d-3", "d-2", "d-1"], await Ids(new DeploymentQuery(Application: "shop")));
        Assert.Equal(["d-2", "d-1"], await Ids(new DeploymentQuery(Application: "shop", DeploymentGroup: "web")));
        Assert.Equal(["d-1"], await Ids(new DeploymentQuery(Statuses: ["Succeeded", "Failed"])));
        Assert.Equal(["d-4", "d-3", "d-2"], await Ids(new DeploymentQuery(Statuses: ["Created"])));
        Assert.Empty(await Ids(new DeploymentQuery(Statuses: [])));
        Assert.Equal(["d-3", "d-2"], await Ids(new DeploymentQuery(CreatedAfter: T0, CreatedBefore: T0.AddMinutes(3))));
        Assert.Equal(["d-4", "d-3"], await Ids(new DeploymentQuery(Limit: 2)));
    }

    [Fact]
    public async Task DueDeploymentsAsync_WakeTimes_DueActiveOnesEarliestFirst()
    {
        await CreateAsync(Deployment("late", group: "g1", wakeAt: T0.AddSeconds(20)));
        await CreateAsync(Deployment("early", group: "g2", wakeAt: T0.AddSeconds(5)));
        await CreateAsync(Deployment("exact", group: "g3", wakeAt: T0.AddSeconds(10)));
        await CreateAsync(Deployment("future", group: "g4", wakeAt: T0.AddMinutes(5)));
        await CreateAsync(Deployment("never", group: "g5"));
        await CreateAsync(Deployment("done", group: "g6", wakeAt: T0));
        await Store.CommitDecisionAsync(Decision("done", 1, "Failed", terminal: true, wakeAt: T0), Ct);

        Assert.Equal(["early", "exact", "late"], await Store.DueDeploymentsAsync(T0.AddSeconds(20), 10, Ct));
        Assert.Equal(["early", "exact"], await Store.DueDeploymentsAsync(T0.AddSeconds(20), 2, Ct));
        Assert.Equal(["early", "exact"], await Store.DueDeploymentsAsync(T0.AddSeconds(10), 10, Ct));
        Assert.Empty(await Store.DueDeploymentsAsync(T0.AddSeconds(1), 10, Ct));
    }

    [Fact]
    public async Task ActiveDeploymentsAsync_TerminalOnes_Excluded()
    {
        await CreateAsync(Deployment("d-1", group: "g1"));
        await CreateAsync(Deployment("d-2", group: "g2"));
        await Store.CommitDecisionAsync(Decision("d-1", 1, "Stopped", terminal: true), Ct);

        Assert.Equal(["d-2"], await Store.ActiveDeploymentsAsync(Ct));
    }

    [Fact]
    public async Task ListEventsAsync_AfterSeqAndLimit_PagesInOrder()
    {
        await CreateAsync(Deployment("d-1"));
        await Store.CommitDecisionAsync(
            Decision("d-1", 1, events: [new("A", "{}"), new("B", "{}"), new("C", "{}"), new("D", "{}")]), Ct);

        var page = await Store.ListEventsAsync("d-1", 2, 2, Ct);

        Assert.Equal([(3L, "B"), (4L, "C")], page.Select(e => (e.Seq, e.Type)));
        Assert.Empty(await Store.ListEventsAsync("d-1", 5, 10, Ct));
        Assert.Empty(await Store.ListEventsAsync("d-404", 0, 10, Ct));
    }
}
