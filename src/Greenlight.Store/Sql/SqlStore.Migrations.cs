namespace Greenlight.Store.Sql;

internal abstract partial class SqlStore
{
    /// <summary>Each pending migration in its own transaction, re-checked inside it, under the migration lock.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var migrationLock = await AcquireMigrationLockAsync(cancellationToken);
        await using (var write = await BeginWriteAsync(cancellationToken))
        {
            await write.Command(Migrations.CreateTrackingTable).ExecuteAsync(cancellationToken);
            await write.CommitAsync(cancellationToken);
        }
        foreach (var migration in Migrations.All)
        {
            await ApplyAsync(migration, cancellationToken);
        }
    }

    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        if (await ScalarAsync(TableExistsSql, c => c.With("@name", "schema_migrations"), cancellationToken) == 0)
        {
            return 0;
        }
        return (int)await ScalarAsync("SELECT MAX(version) FROM schema_migrations", None, cancellationToken);
    }

    /// <summary>The rows of <c>schema_migrations</c>, oldest first (for tests and diagnostics).</summary>
    internal Task<List<AppliedMigration>> AppliedMigrationsAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT version, applied_at FROM schema_migrations ORDER BY version",
            None,
            r => new AppliedMigration((int)r.GetInt64(0), r.Time(1)),
            cancellationToken);

    private async Task ApplyAsync(Migration migration, CancellationToken cancellationToken)
    {
        await using var write = await BeginWriteAsync(cancellationToken);
        var applied = await write.Command("SELECT COUNT(*) FROM schema_migrations WHERE version = @version")
            .With("@version", migration.Version)
            .ScalarLongAsync(cancellationToken);
        if (applied > 0)
        {
            return;
        }
        foreach (var statement in migration.Statements)
        {
            var sql = statement
                .Replace("{identity}", IdentityColumn, StringComparison.Ordinal)
                .Replace("{ordinal}", OrdinalCollation, StringComparison.Ordinal);
            await write.Command(sql).ExecuteAsync(cancellationToken);
        }
        await write.Command("INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @at)")
            .With("@version", migration.Version)
            .With("@at", DateTimeOffset.UtcNow)
            .ExecuteAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
    }
}
