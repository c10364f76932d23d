using Greenlight.Agent.Runs;
using Greenlight.Contracts.V1;
using Greenlight.Testing;

namespace Greenlight.Agent.Tests.Runs;

/// <summary>Run records survive concurrent saves of the same ticket (a final report sent again while the first one saves).</summary>
public sealed class RunStoreTests
{
    private static readonly AgentTicket Ticket = new("d-1/i-1/Install/1", "run", "d-1", "i-1", "Install", 1, "Current", "abc");

    [Fact]
    public async Task Save_SameRecordFromManyThreadsWhileReading_EveryReadSeesAWholeRecord()
    {
        using var dir = new TempDirectory("gl-runs");
        var store = new RunStore(dir.Path);
        store.Save(new RunRecord(Ticket, RunRecord.Started, DateTimeOffset.UnixEpoch));
        var finished = new RunRecord(Ticket, RunRecord.Finished, DateTimeOffset.UnixEpoch, "Succeeded");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        var writers = Enumerable.Range(0, 4).Select(i => Task.Run(() =>
        {
            for (var n = 0; n < 3000 && !stop.IsCancellationRequested; n++)
            {
                store.Save(finished with { Reported = n % 2 == i % 2 });
            }
        }));
        var reader = Task.Run(() =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested && reads < 5_000)
            {
                Assert.Equal(Ticket, store.Get(Ticket.TicketKey)!.Ticket);
                reads++;
            }
        });
        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await reader;

        Assert.Equal(RunRecord.Finished, store.Get(Ticket.TicketKey)!.State);
        Assert.Empty(Directory.EnumerateFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void Constructor_LeftoverTempFileOfACrashedSave_IsRemovedAndTheRecordKept()
    {
        using var dir = new TempDirectory("gl-runs");
        new RunStore(dir.Path).Save(new RunRecord(Ticket, RunRecord.Started, DateTimeOffset.UnixEpoch));
        File.WriteAllText(Path.Combine(dir.Path, "0123.json.5f.tmp"), "{ half");

        var store = new RunStore(dir.Path);

        Assert.Empty(Directory.EnumerateFiles(dir.Path, "*.tmp"));
        Assert.Equal(RunRecord.Started, store.Get(Ticket.TicketKey)!.State);
    }
}
