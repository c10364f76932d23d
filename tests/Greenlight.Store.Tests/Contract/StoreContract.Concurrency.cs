using System.Collections.Concurrent;
using Greenlight.Engine.Storage;

namespace Greenlight.Store.Tests.Contract;

public abstract partial class StoreContract
{
    private const int Writers = 8;
    private const int AttemptsPerWriter = 50;

    /// <summary>
    /// Writers race read-then-commit on one deployment. Each version is won by exactly one writer, the event log and
    /// the outbox stay gap-free and duplicate-free, and the final version is the number of wins plus one.
    /// </summary>
    [Fact]
    public async Task CommitDecisionAsync_RacingWriters_OneWinnerPerVersionAndNoGaps()
    {
        await CreateAsync(Deployment("d-1"));
        var winners = new ConcurrentBag<long>();
        var losses = 0;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var attempt = 0; attempt < AttemptsPerWriter; attempt++)
            {
                var version = (await Store.GetDeploymentAsync("d-1", Ct))!.Version;
                var result = await Store.CommitDecisionAsync(
                    Decision("d-1", version, events: [new("Step", $$"""{"writer":{{writer}},"attempt":{{attempt}}}""")],
                        commands: [new($"w{writer}/a{attempt}", "RunHook", "{}")]),
                    Ct);
                if (result.Committed)
                {
                    Assert.Equal(version + 1, result.Version);
                    winners.Add(version);
                }
                else
                {
                    Interlocked.Increment(ref losses);
                }
            }
        })));

        var wins = winners.Count;
        Assert.Equal(Writers * AttemptsPerWriter, wins + losses);
        Assert.Equal(wins, winners.Distinct().Count());
        Assert.Equal(wins + 1, (await Store.GetDeploymentAsync("d-1", Ct))!.Version);
        Assert.Equal(Enumerable.Range(1, wins + 1).Select(n => (long)n), (await AllEventsAsync("d-1")).Select(e => e.Seq));
        var outbox = await Store.PendingCommandsAsync(100_000, Ct);
        Assert.Equal(Enumerable.Range(1, wins).Select(n => (long)n), outbox.Select(c => c.Seq));
        Assert.Equal(wins, outbox.Select(c => c.Key).Distinct().Count());
    }

    [Fact]
    public async Task CreateDeploymentAsync_RacingSameGroup_ExactlyOneSucceeds()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            try
            {
                await CreateAsync(Deployment("d-" + i));
                return "created";
            }
            catch (StoreConflictException e)
            {
                return e.Code;
            }
        })));

        Assert.Single(outcomes, o => o == "created");
        Assert.All(outcomes.Where(o => o != "created"), o => Assert.Equal("DeploymentLimitExceeded", o));
        Assert.Single(await Store.ActiveDeploymentsAsync(Ct));
        Assert.Single(await Store.ListAuditAsync(100, Ct));
    }

    [Fact]
    public async Task PutResourceAsync_RacingSameVersion_ExactlyOneWinsOthersRefusedAndAuditMatches()
    {
        await Store.PutResourceAsync(ResourceKinds.DeploymentGroup, "shop/web", "v1", 0, Audit("Create", "shop/web"), Ct);

        async Task<string> Attempt(long expected, string body)
        {
            try
            {
                await Store.PutResourceAsync(ResourceKinds.DeploymentGroup, "shop/web", body, expected, Audit("Put " + body, "shop/web"), Ct);
                return "written";
            }
            catch (StoreConflictException e)
            {
                return e.Code;
            }
        }

        var updates = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() => Attempt(1, "u" + i))));
        var creates = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() => Attempt(0, "c" + i))));

        Assert.Single(updates, o => o == "written");
        Assert.All(updates.Where(o => o != "written"), o => Assert.Equal("VersionConflict", o));
        Assert.All(creates, o => Assert.Equal("AlreadyExists", o));
        var stored = await Store.GetResourceAsync(ResourceKinds.DeploymentGroup, "shop/web", Ct);
        Assert.Equal(2, stored!.Version);
        Assert.Equal(["Put " + stored.Body, "Create"], (await Store.ListAuditAsync(100, Ct)).Select(a => a.Action));
    }
}
