using Greenlight.Store.Tests.Contract;

namespace Greenlight.Store.Tests.Sqlite;

/// <summary>The store contract on SQLite: a fresh file per database in a temp directory removed afterwards.</summary>
public sealed partial class SqliteStoreTests : StoreContract
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "greenlight-store-" + Guid.NewGuid().ToString("N")[..12]);
    private int databases;

    protected override string DataDirectory => directory;

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult("sqlite:" + Path.Combine(directory, $"store{++databases}.db"));

    protected override Task CleanupAsync()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
        return Task.CompletedTask;
    }
}
