using Greenlight.Engine.Storage;

namespace Greenlight.Store.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task PendingCommandsAsync_SeveralDeployments_ByDeploymentThenSeqWithinLimit()
    {
        await CreateAsync(Deployment("d-b", group: "g1"));
        await CreateAsync(Deployment("d-a", group: "g2"));
        await Store.CommitDecisionAsync(Decision("d-b", 1, commands: [new("b1", "T", "{}"), new("b2", "T", "{}")]), Ct);
        await Store.CommitDecisionAsync(Decision("d-a", 1, commands: [new("a1", "T", "{}")]), Ct);
        await Store.CommitDecisionAsync(Decision("d-a", 2, commands: [new("a2", "T", "{}")]), Ct);

        Assert.Equal(["a1", "a2", "b1", "b2"], (await Store.PendingCommandsAsync(10, Ct)).Select(c => c.Key));
        Assert.Equal(["a1", "a2", "b1"], (await Store.PendingCommandsAsync(3, Ct)).Select(c => c.Key));
    }

    [Fact]
    public async Task MarkDispatchedAsync_Command_NoLongerPendingAndIdempotent()
    {
        await CreateAsync(Deployment("d-1"));
        await Store.CommitDecisionAsync(Decision("d-1", 1, commands: [new("k1", "T", "{}"), new("k2", "T", "{}")]), Ct);

        await Store.MarkDispatchedAsync("d-1", 1, T0.AddSeconds(5), Ct);
        await Store.MarkDispatchedAsync("d-1", 1, T0.AddSeconds(9), Ct);
        await Store.MarkDispatchedAsync("d-404", 1, T0, Ct);

        Assert.Equal(["k2"], (await Store.PendingCommandsAsync(10, Ct)).Select(c => c.Key));
    }

    [Fact]
    public async Task TryRecordExecutionAsync_SameKeyTwice_TrueThenFalse()
    {
        Assert.True(await Store.TryRecordExecutionAsync("d-1/i-1/install/1", T0, Ct));
        Assert.False(await Store.TryRecordExecutionAsync("d-1/i-1/install/1", T0.AddSeconds(1), Ct));
        Assert.True(await Store.TryRecordExecutionAsync("d-1/i-2/install/1", T0, Ct));
        Assert.True(await Store.TryRecordExecutionAsync("d-10/i-1/install/1", T0, Ct));

        Assert.Equal(["d-1/i-1/install/1", "d-1/i-2/install/1"], await Store.ExecutedKeysAsync("d-1/", Ct));
        Assert.Equal(3, (await Store.ExecutedKeysAsync("", Ct)).Count);
    }

    [Fact]
    public async Task TryRecordExecutionAsync_RacingSameKey_ExactlyOneTrue()
    {
        var attempts = Enumerable.Range(0, 16).Select(_ => Task.Run(() => Store.TryRecordExecutionAsync("race", T0, Ct)));

        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r);
        Assert.Equal(["race"], await Store.ExecutedKeysAsync("race", Ct));
    }
}
