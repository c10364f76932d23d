namespace Greenlight.Store.Sql;

/// <summary>
/// One schema step, applied once in its own transaction. Statements are shared by both engines; what differs is
/// written as a token the dialect fills in: <c>{identity}</c> (an auto-numbered key column) and <c>{ordinal}</c>
/// (the byte-order collation).
/// </summary>
internal sealed record Migration(int Version, string Name, IReadOnlyList<string> Statements);

/// <summary>A row of <c>schema_migrations</c>.</summary>
internal sealed record AppliedMigration(int Version, DateTimeOffset AppliedAt);
