namespace Greenlight.Store.Sql;

/// <summary>
/// One schema step, applied once in its own transaction. Statements are shared by both engines; the one thing
/// that differs, an auto-numbered key column, is written <c>{identity}</c> and filled in by the dialect.
/// </summary>
internal sealed record Migration(int Version, string Name, IReadOnlyList<string> Statements);

/// <summary>A row of <c>schema_migrations</c>.</summary>
internal sealed record AppliedMigration(int Version, DateTimeOffset AppliedAt);
