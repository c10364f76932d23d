using System.Data.Common;
using Greenlight.Engine.Storage;

namespace Greenlight.Store.Sql;

/// <summary>The column list each record is read from, and the mapping back; the SELECTs use these lists in this order.</summary>
internal static class Rows
{
    public const string ResourceColumns = "kind, key, body, version, created_at, updated_at";

    public const string RevisionColumns =
        "application, sha256, size, bundle_type, location, description, registered_at, first_used_at, last_used_at";

    public const string DeploymentColumns =
        "id, application, deployment_group, kind, creator, status, state_json, version, wake_at, counts_for_limit, created_at, updated_at";

    public const string EventColumns = "deployment_id, seq, at, type, json";

    public const string OutboxColumns = "deployment_id, seq, key, type, json, created_at, dispatched_at";

    public const string TokenColumns = "id, name, hash, role, instance_id, created_at, expires_at, revoked_at";

    public const string AuditColumns = "at, actor, action, target, detail";

    public static StoredResource Resource(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.Time(4), r.Time(5));

    public static RevisionRecord Revision(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4), r.NullableString(5),
            r.Time(6), r.NullableTime(7), r.NullableTime(8));

    public static DeploymentRecord Deployment(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
            r.GetString(6), r.GetInt64(7), r.NullableTime(8), r.Flag(9), r.Time(10), r.Time(11));

    public static EventEntry Event(DbDataReader r) =>
        new(r.GetString(0), r.GetInt64(1), r.Time(2), r.GetString(3), r.GetString(4));

    public static OutboxEntry Outbox(DbDataReader r) =>
        new(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.Time(5), r.NullableTime(6));

    public static ApiTokenRecord Token(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.NullableString(4), r.Time(5),
            r.NullableTime(6), r.NullableTime(7));

    public static AuditEntry Audit(DbDataReader r) =>
        new(r.Time(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4));
}
