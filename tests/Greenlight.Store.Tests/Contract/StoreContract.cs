using Greenlight.Engine.Storage;

namespace Greenlight.Store.Tests.Contract;

/// <summary>
/// The contract every <see cref="IGreenlightStore"/> keeps, run once per engine by a concrete subclass. Each test
/// gets a database of its own, migrated, in <see cref="Store"/>. The partial files hold one area each.
/// </summary>
public abstract partial class StoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);

    private readonly List<IGreenlightStore> opened = [];
    private readonly CancellationTokenSource deadline = new(TimeSpan.FromMinutes(2));

    /// <summary>The database setting of this test's database, as <see cref="StoreFactory.Open"/> takes it.</summary>
    protected string Database { get; private set; } = "";

    protected IGreenlightStore Store { get; private set; } = null!;

    /// <summary>Cancels a test that hangs instead of letting it block the run.</summary>
    protected CancellationToken Ct => deadline.Token;

    /// <summary>A new, empty database or schema (not migrated); returns its setting for <see cref="StoreFactory.Open"/>.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract string DataDirectory { get; }

    protected virtual Task CleanupAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Store = Open(Database);
        await Store.MigrateAsync(Ct);
    }

    public async Task DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }
        deadline.Dispose();
        await CleanupAsync();
    }

    /// <summary>Another store object on a database; disposed with the test.</summary>
    protected IGreenlightStore Open(string database)
    {
        var store = StoreFactory.Open(database, DataDirectory);
        opened.Add(store);
        return store;
    }

    protected static AuditEntry Audit(string action, string target, DateTimeOffset? at = null) =>
        new(at ?? T0, "alice", action, target, "detail of " + action);

    protected static DeploymentRecord Deployment(
        string id,
        string group = "web",
        bool countsForLimit = true,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? wakeAt = null,
        string application = "shop",
        string status = "Created") =>
        new(id, application, group, countsForLimit ? "User" : "AutoScaling", "alice", status, $$"""{"id":"{{id}}"}""", 1,
            wakeAt, countsForLimit, createdAt ?? T0, createdAt ?? T0);

    protected async Task<DeploymentRecord> CreateAsync(DeploymentRecord deployment)
    {
        await Store.CreateDeploymentAsync(deployment, new NewEvent("Created", "{}"), Audit("CreateDeployment", deployment.DeploymentId), Ct);
        return deployment;
    }

    protected static DecisionCommit Decision(
        string id,
        long expectedVersion,
        string status = "InProgress",
        bool terminal = false,
        DateTimeOffset? wakeAt = null,
        DateTimeOffset? at = null,
        IReadOnlyList<NewEvent>? events = null,
        IReadOnlyList<NewCommand>? commands = null) =>
        new(id, expectedVersion, $$"""{"status":"{{status}}","v":{{expectedVersion + 1}}}""", status, wakeAt, terminal,
            events ?? [new NewEvent("Progressed", "{}")], commands ?? [], at ?? T0.AddSeconds(expectedVersion));

    protected async Task<List<EventEntry>> AllEventsAsync(string deploymentId) =>
        [.. await Store.ListEventsAsync(deploymentId, 0, 100_000, Ct)];
}
