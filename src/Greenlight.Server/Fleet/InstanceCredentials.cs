using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Greenlight.Server.Auth;

namespace Greenlight.Server.Fleet;

/// <summary>
/// A launched instance's identity: its registration (with the template's tags and its scaling group's) and an
/// agent credential bound to it, issued by the server itself (no enrollment token). Both go when it is terminated.
/// </summary>
public static class InstanceCredentials
{
    /// <summary>The tag every scaling group instance carries (EC2's aws:autoscaling:groupName).</summary>
    public const string GroupTag = "greenlight:autoscaling-group";

    public static async Task<(string TokenId, string Secret)> IssueAsync(IGreenlightStore store, string instanceId, string group, IReadOnlyList<Tag> tags,
        DateTimeOffset now, CancellationToken ct)
    {
        var audit = new AuditEntry(now, "fleet", "LaunchInstance", instanceId, group);
        var info = new InstanceInfo(instanceId, [.. tags.Where(t => t.Key != GroupTag), new Tag(GroupTag, group)], now, null);
        var existing = await store.GetResourceAsync(ResourceKinds.Instance, instanceId, ct);
        await store.PutResourceAsync(ResourceKinds.Instance, instanceId, Documents.Write(info), existing?.Version ?? 0, audit, ct);
        var secret = TokenSecrets.New();
        var id = TokenSecrets.NewId();
        await store.PutTokenAsync(new ApiTokenRecord(id, "agent-" + instanceId, TokenSecrets.Hash(secret), Roles.Agent, instanceId, now, null, null), audit, ct);
        return (id, secret);
    }

    /// <summary>Revokes every credential bound to the instance (also one issued just before a crash) and deregisters it.</summary>
    public static async Task RevokeAsync(IGreenlightStore store, string instanceId, DateTimeOffset now, CancellationToken ct)
    {
        var audit = new AuditEntry(now, "fleet", "TerminateInstance", instanceId);
        foreach (var token in (await store.ListTokensAsync(ct)).Where(t => t.InstanceId == instanceId && t.RevokedAt is null))
        {
            await store.RevokeTokenAsync(token.Id, now, audit, ct);
        }

        await store.DeleteResourceAsync(ResourceKinds.Instance, instanceId, null, audit, ct);
    }
}
