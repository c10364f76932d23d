using Greenlight.Engine.Storage;

namespace Greenlight.Store.Tests.Contract;

public abstract partial class StoreContract
{
    private static RevisionRecord Revision(string sha256, DateTimeOffset registeredAt, string location = "revisions/a.zip") =>
        new("shop", sha256, 1234, "zip", location, "first cut", registeredAt, null, null);

    [Fact]
    public async Task PutRevisionAsync_New_StoredAndAudited()
    {
        var revision = Revision(new string('a', 64), T0);

        var stored = await Store.PutRevisionAsync(revision, Audit("RegisterRevision", "shop"), Ct);

        Assert.Equal(revision, stored);
        Assert.Equal(revision, await Store.GetRevisionAsync("shop", new string('a', 64), Ct));
        Assert.Single(await Store.ListAuditAsync(10, Ct));
    }

    [Fact]
    public async Task PutRevisionAsync_SameShaAgain_ReturnsFirstRegistrationUnchanged()
    {
        var first = await Store.PutRevisionAsync(Revision(new string('a', 64), T0), Audit("RegisterRevision", "shop"), Ct);

        var again = await Store.PutRevisionAsync(
            Revision(new string('a', 64), T0.AddHours(1), "https://elsewhere/a.zip"), Audit("RegisterRevision", "shop"), Ct);

        Assert.Equal(first, again);
        Assert.Equal(first, await Store.GetRevisionAsync("shop", new string('a', 64), Ct));
        Assert.Single(await Store.ListRevisionsAsync("shop", Ct));
    }

    [Fact]
    public async Task GetRevisionAsync_Unknown_Null()
    {
        Assert.Null(await Store.GetRevisionAsync("shop", new string('f', 64), Ct));
    }

    [Fact]
    public async Task ListRevisionsAsync_SeveralApplications_OnlyThatApplicationNewestFirst()
    {
        await Store.PutRevisionAsync(Revision(new string('a', 64), T0), Audit("Register", "shop"), Ct);
        await Store.PutRevisionAsync(Revision(new string('b', 64), T0.AddMinutes(2)), Audit("Register", "shop"), Ct);
        await Store.PutRevisionAsync(Revision(new string('c', 64), T0.AddMinutes(1)), Audit("Register", "shop"), Ct);
        await Store.PutRevisionAsync(Revision(new string('d', 64), T0) with { Application = "blog" }, Audit("Register", "blog"), Ct);

        var revisions = await Store.ListRevisionsAsync("shop", Ct);

        Assert.Equal(["b", "c", "a"], revisions.Select(r => r.Sha256[..1]));
    }

    [Fact]
    public async Task MarkRevisionUsedAsync_Twice_FirstUseSetOnceLastUseEveryTime()
    {
        var sha = new string('a', 64);
        await Store.PutRevisionAsync(Revision(sha, T0), Audit("Register", "shop"), Ct);

        await Store.MarkRevisionUsedAsync("shop", sha, T0.AddMinutes(1), Ct);
        await Store.MarkRevisionUsedAsync("shop", sha, T0.AddMinutes(5), Ct);

        var stored = await Store.GetRevisionAsync("shop", sha, Ct);
        Assert.Equal((T0.AddMinutes(1), T0.AddMinutes(5)), (stored!.FirstUsedAt, stored.LastUsedAt));
    }

    [Fact]
    public async Task MarkRevisionUsedAsync_Unregistered_NothingCreated()
    {
        await Store.MarkRevisionUsedAsync("shop", new string('e', 64), T0, Ct);

        Assert.Empty(await Store.ListRevisionsAsync("shop", Ct));
    }
}
