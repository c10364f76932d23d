namespace Greenlight.Store;

/// <summary>The database engines the store runs on.</summary>
public enum StoreEngine
{
    Sqlite,
    Postgres,
}
