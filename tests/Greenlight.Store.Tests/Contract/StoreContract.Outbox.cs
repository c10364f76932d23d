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
}
