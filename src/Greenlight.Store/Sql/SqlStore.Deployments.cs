using System.Data.Common;
using System.Globalization;
using Greenlight.Engine.Storage;

namespace Greenlight.Store.Sql;

internal abstract partial class SqlStore
{
    /// <summary>
    /// Inserts the row at version 1 (active), its event seq 1 and the audit row in one transaction. The unique index
    /// <c>ux_deployments_active_group</c> makes the one-active-per-group check atomic.
    /// </summary>
    public async Task CreateDeploymentAsync(DeploymentRecord deployment, NewEvent created, AuditEntry? audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(created);
        try
        {
            await using var write = await BeginWriteAsync(cancellationToken);
            await write.Command(
                    $"""
                    INSERT INTO deployments ({Rows.DeploymentColumns}, active)
                    VALUES (@id, @application, @group, @kind, @creator, @status, @state, 1, @wakeAt, @countsForLimit, @createdAt, @updatedAt, 1)
                    """)
                .With("@id", deployment.DeploymentId)
                .With("@application", deployment.Application)
                .With("@group", deployment.DeploymentGroup)
                .With("@kind", deployment.Kind)
                .With("@creator", deployment.Creator)
                .With("@status", deployment.Status)
                .With("@state", deployment.StateJson)
                .With("@wakeAt", deployment.WakeAt)
                .With("@countsForLimit", deployment.CountsForLimit)
                .With("@createdAt", deployment.CreatedAt)
                .With("@updatedAt", deployment.UpdatedAt)
                .ExecuteAsync(cancellationToken);
            await InsertEventAsync(write, deployment.DeploymentId, 1, deployment.CreatedAt, created, cancellationToken);
            if (audit is not null)
            {
                await InsertAuditAsync(write, audit, cancellationToken);
            }
            await write.CommitAsync(cancellationToken);
        }
        catch (DbException e) when (UniqueViolation(e) is UniqueKey.DeploymentId)
        {
            throw new StoreConflictException("AlreadyExists", $"deployment '{deployment.DeploymentId}' already exists");
        }
        catch (DbException e) when (UniqueViolation(e) is UniqueKey.ActiveDeploymentPerGroup)
        {
            throw new StoreConflictException(
                "DeploymentLimitExceeded",
                $"deployment group '{deployment.Application}/{deployment.DeploymentGroup}' already has an active deployment");
        }
    }

    public Task<DeploymentRecord?> GetDeploymentAsync(string deploymentId, CancellationToken cancellationToken) =>
        QuerySingleAsync(
            $"SELECT {Rows.DeploymentColumns} FROM deployments WHERE id = @id",
            c => c.With("@id", deploymentId),
            Rows.Deployment,
            cancellationToken);

    /// <summary>Newest first. An empty <see cref="DeploymentQuery.Statuses"/> matches nothing; the created bounds are exclusive.</summary>
    public async Task<IReadOnlyList<DeploymentRecord>> ListDeploymentsAsync(DeploymentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = CheckLimit(query.Limit);
        if (query.Statuses is { Count: 0 })
        {
            return [];
        }
        var where = new List<string> { "1 = 1" };
        var binds = new List<Action<DbCommand>>();
        if (query.Application is { } application)
        {
            where.Add("application = @application");
            binds.Add(c => c.With("@application", application));
        }
        if (query.DeploymentGroup is { } group)
        {
            where.Add("deployment_group = @group");
            binds.Add(c => c.With("@group", group));
        }
        if (query.Statuses is { } statuses)
        {
            var names = statuses.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@status{i}")).ToList();
            where.Add($"status IN ({string.Join(", ", names)})");
            binds.Add(c =>
            {
                foreach (var (name, status) in names.Zip(statuses))
                {
                    c.With(name, status);
                }
            });
        }
        if (query.CreatedAfter is { } after)
        {
            where.Add("created_at > @after");
            binds.Add(c => c.With("@after", after));
        }
        if (query.CreatedBefore is { } before)
        {
            where.Add("created_at < @before");
            binds.Add(c => c.With("@before", before));
        }
        return await QueryAsync(
            $"SELECT {Rows.DeploymentColumns} FROM deployments WHERE {string.Join(" AND ", where)} ORDER BY created_at DESC, id DESC LIMIT @limit",
            c =>
            {
                binds.ForEach(bind => bind(c));
                c.With("@limit", limit);
            },
            Rows.Deployment,
            cancellationToken);
    }

    public async Task<IReadOnlyList<string>> DueDeploymentsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            "SELECT id FROM deployments WHERE active = 1 AND wake_at <= @now ORDER BY wake_at, id LIMIT @limit",
            c => c.With("@now", now).With("@limit", CheckLimit(limit, int.MaxValue)),
            r => r.GetString(0),
            cancellationToken);

    public async Task<IReadOnlyList<string>> ActiveDeploymentsAsync(CancellationToken cancellationToken) =>
        await QueryAsync(
            "SELECT id FROM deployments WHERE active = 1 ORDER BY created_at, id",
            None,
            r => r.GetString(0),
            cancellationToken);

    public async Task<IReadOnlyList<EventEntry>> ListEventsAsync(string deploymentId, long afterSeq, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT {Rows.EventColumns} FROM events WHERE deployment_id = @id AND seq > @after ORDER BY seq LIMIT @limit",
            c => c.With("@id", deploymentId).With("@after", afterSeq).With("@limit", CheckLimit(limit, int.MaxValue)),
            Rows.Event,
            cancellationToken);

    private static Task InsertEventAsync(WriteScope write, string deploymentId, long seq, DateTimeOffset at, NewEvent entry, CancellationToken cancellationToken) =>
        write.Command("INSERT INTO events (deployment_id, seq, at, type, json) VALUES (@id, @seq, @at, @type, @json)")
            .With("@id", deploymentId)
            .With("@seq", seq)
            .With("@at", at)
            .With("@type", entry.Type)
            .With("@json", entry.Json)
            .ExecuteAsync(cancellationToken);
}
