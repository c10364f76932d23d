namespace Greenlight.Store.Sql;

/// <summary>
/// The schema, as an append-only list: never edit a published migration, add the next one. Times are BIGINT unix
/// milliseconds (UTC), flags INTEGER 0/1, JSON bodies TEXT. Constraints are named so PostgreSQL reports them by name.
/// Keys and ids that results are ordered by are <c>{ordinal}</c>: byte order on both engines, whatever the
/// PostgreSQL database's default collation (en-US would sort "shop_x" before "shop/api").
/// </summary>
internal static class Migrations
{
    public const string CreateTrackingTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)";

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "initial schema",
        [
            """
            CREATE TABLE resources (
                kind TEXT {ordinal} NOT NULL, key TEXT {ordinal} NOT NULL, body TEXT NOT NULL, version BIGINT NOT NULL,
                created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
                CONSTRAINT pk_resources PRIMARY KEY (kind, key))
            """,
            """
            CREATE TABLE revisions (
                application TEXT NOT NULL, sha256 TEXT NOT NULL, size BIGINT NOT NULL, bundle_type TEXT NOT NULL,
                location TEXT NOT NULL, description TEXT, registered_at BIGINT NOT NULL,
                first_used_at BIGINT, last_used_at BIGINT,
                CONSTRAINT pk_revisions PRIMARY KEY (application, sha256))
            """,
            "CREATE INDEX ix_revisions_registered ON revisions (application, registered_at)",
            """
            CREATE TABLE deployments (
                id TEXT {ordinal} NOT NULL, application TEXT NOT NULL, deployment_group TEXT NOT NULL, kind TEXT NOT NULL,
                creator TEXT NOT NULL, status TEXT NOT NULL, state_json TEXT NOT NULL, version BIGINT NOT NULL,
                wake_at BIGINT, counts_for_limit INTEGER NOT NULL, active INTEGER NOT NULL,
                created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
                CONSTRAINT pk_deployments PRIMARY KEY (id))
            """,
            // One active deployment per group, enforced by the database: CreateDeploymentAsync relies on it.
            """
            CREATE UNIQUE INDEX ux_deployments_active_group ON deployments (application, deployment_group)
                WHERE active = 1 AND counts_for_limit = 1
            """,
            "CREATE INDEX ix_deployments_wake ON deployments (wake_at) WHERE active = 1",
            "CREATE INDEX ix_deployments_created ON deployments (created_at)",
            """
            CREATE TABLE events (
                deployment_id TEXT {ordinal} NOT NULL, seq BIGINT NOT NULL, at BIGINT NOT NULL, type TEXT NOT NULL, json TEXT NOT NULL,
                CONSTRAINT pk_events PRIMARY KEY (deployment_id, seq),
                CONSTRAINT fk_events_deployment FOREIGN KEY (deployment_id) REFERENCES deployments (id))
            """,
            """
            CREATE TABLE outbox (
                deployment_id TEXT {ordinal} NOT NULL, seq BIGINT NOT NULL, key TEXT {ordinal} NOT NULL, type TEXT NOT NULL, json TEXT NOT NULL,
                created_at BIGINT NOT NULL, dispatched_at BIGINT,
                CONSTRAINT pk_outbox PRIMARY KEY (deployment_id, seq),
                CONSTRAINT ux_outbox_key UNIQUE (key),
                CONSTRAINT fk_outbox_deployment FOREIGN KEY (deployment_id) REFERENCES deployments (id))
            """,
            "CREATE INDEX ix_outbox_pending ON outbox (deployment_id, seq) WHERE dispatched_at IS NULL",
            """
            CREATE TABLE tokens (
                id TEXT {ordinal} NOT NULL, name TEXT NOT NULL, hash TEXT NOT NULL, role TEXT NOT NULL, instance_id TEXT,
                created_at BIGINT NOT NULL, expires_at BIGINT, revoked_at BIGINT,
                CONSTRAINT pk_tokens PRIMARY KEY (id),
                CONSTRAINT ux_tokens_hash UNIQUE (hash))
            """,
            """
            CREATE TABLE audit (
                id {identity}, at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
                detail TEXT NOT NULL)
            """,
        ]),
    ];

    public static int Latest => All[^1].Version;
}
