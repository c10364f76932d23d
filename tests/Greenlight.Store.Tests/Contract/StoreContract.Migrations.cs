using Greenlight.Store.Sql;

namespace Greenlight.Store.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task MigrateAsync_RunTwice_SchemaVersionStable()
    {
        var before = await ((SqlStore)Store).AppliedMigrationsAsync(Ct);

        await Store.MigrateAsync(Ct);

        Assert.Equal(Migrations.Latest, await Store.SchemaVersionAsync(Ct));
        Assert.Equal(before, await ((SqlStore)Store).AppliedMigrationsAsync(Ct));
        Assert.Equal(Migrations.All.Select(m => m.Version), before.Select(m => m.Version));
    }

    [Fact]
    public async Task MigrateAsync_SecondStoreOnSameDatabase_MigratesNothing()
    {
        await Store.PutResourceAsync("application", "shop", "{}", 0, Audit("CreateApplication", "shop"), Ct);
        var before = await ((SqlStore)Store).AppliedMigrationsAsync(Ct);

        var second = Open(Database);
        await second.MigrateAsync(Ct);

        Assert.Equal(before, await ((SqlStore)second).AppliedMigrationsAsync(Ct));
        Assert.Equal(Migrations.Latest, await second.SchemaVersionAsync(Ct));
        Assert.NotNull(await second.GetResourceAsync("application", "shop", Ct));
    }

    [Fact]
    public async Task SchemaVersionAsync_BeforeMigrate_Zero()
    {
        var fresh = Open(await CreateDatabaseAsync());

        Assert.Equal(0, await fresh.SchemaVersionAsync(Ct));
    }

    [Fact]
    public async Task MigrateAsync_TwoStoresAtOnce_EachMigrationAppliedOnce()
    {
        var database = await CreateDatabaseAsync();
        var first = Open(database);
        var second = Open(database);

        await Task.WhenAll(first.MigrateAsync(Ct), second.MigrateAsync(Ct));

        var applied = await ((SqlStore)first).AppliedMigrationsAsync(Ct);
        Assert.Equal(Migrations.All.Select(m => m.Version), applied.Select(m => m.Version));
        Assert.Equal(Migrations.Latest, await second.SchemaVersionAsync(Ct));
    }
}
