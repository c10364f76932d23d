using System.Collections.Concurrent;

namespace Greenlight.Store.Sqlite;

/// <summary>
/// One write lock per database file for the whole process, shared by every store object on that file: SQLite has one
/// writer, so in-process writers queue here instead of spinning on SQLITE_BUSY. Other processes are held off by
/// BEGIN IMMEDIATE and busy_timeout.
/// </summary>
internal static class SqliteWriteLocks
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string fullPath) => Locks.GetOrAdd(fullPath, _ => new SemaphoreSlim(1, 1));
}
