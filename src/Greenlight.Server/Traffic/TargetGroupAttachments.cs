using Greenlight.Core.Fleet;
using Greenlight.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Traffic;

/// <summary>
/// Scaling group attachments (a scaling group's <c>targetGroupNames</c>): every InService instance of the group is a
/// (blue) target of each attached target group, and leaves it (draining) once it is no longer InService. Only targets
/// the attachment added (source <c>asg:NAME</c>) are ever removed, and held-out instances (a deployment's BlockTraffic, a
/// user's deregistration) are not added back; see <see cref="TargetGroupDocument"/>. A member already registered by
/// someone else (e.g. a green fleet's instance, registered by its deployment before the handover attached the group) is
/// adopted: its source becomes the attachment, so leaving InService removes it.
/// </summary>
public static class TargetGroupAttachments
{
    /// <summary>Brings every target group in line with its attachments; true when a document changed (the runtime needs applying).</summary>
    public static async Task<bool> ReconcileAsync(IGreenlightStore store, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        var directory = await InstanceDirectory.LoadAsync(store, ct);
        var changed = false;
        foreach (var group in await TrafficStore.TargetGroupsAsync(store, ct))
        {
            var attached = directory.Groups.Where(a => a.TargetGroupNames.Contains(group.Name)).ToList();
            var members = attached
                .SelectMany(a => InstanceDirectory.InService(a).Select(id => (Id: id, Source: TargetEntry.Attachment(a.Name))))
                .DistinctBy(m => m.Id)
                .ToList();
            var arriving = attached
                .SelectMany(a => a.State.Instances.Where(i => i.State is LifecycleState.Pending or LifecycleState.PendingWait).Select(i => i.InstanceId))
                .ToHashSet(StringComparer.Ordinal);
            if (Reconcile(group, members, arriving) is var (next, notes) && notes.Count > 0)
            {
                var audit = new AuditEntry(time.GetUtcNow(), "auto scaling attachment", "ReconcileTargets", group.Name, string.Join("; ", notes));
                await TrafficStore.UpdateTargetGroupAsync(store, group.Name, doc => Reconcile(doc, members, arriving) is var (n, c) && c.Count > 0 ? n : null, audit, ct);
                foreach (var note in notes)
                {
                    TrafficLog.Attachment(logger, group.Name, note.Group, note.Change, note.InstanceId);
                }

                changed = true;
            }

            // A hold matters only while an attachment could re-add the instance.
            if (group.HeldOut.Any(h => members.All(m => m.Id != h)))
            {
                var ids = members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
                await TrafficStore.UpdateTargetGroupAsync(store, group.Name, doc => doc.HeldOut.All(ids.Contains) ? null : doc with { HeldOut = [.. doc.HeldOut.Where(ids.Contains)] },
                    new AuditEntry(time.GetUtcNow(), "auto scaling attachment", "ReleaseHolds", group.Name, ""), ct);
            }
        }

        return changed;
    }

    /// <summary>
    /// The group with its attachment members (InService instances and the attachment's source) in, and the attachment's
    /// former members out. Instances still on their way in (<paramref name="arriving"/>: Pending, Pending:Wait) are
    /// neither added nor removed: a launch deployment with traffic control registers its instance before it is InService
    /// (as the attachment's target, so scale-in removes it later), and taking it out again would leave that deployment
    /// waiting for a healthy target that never comes.
    /// </summary>
    public static (TargetGroupDocument Next, IReadOnlyList<Note> Notes) Reconcile(TargetGroupDocument doc, IReadOnlyList<(string Id, string Source)> members, IReadOnlySet<string>? arriving = null)
    {
        var notes = new List<Note>();
        var next = doc;
        foreach (var (id, source) in members)
        {
            if (next.Find(id) is not { } present)
            {
                if (!next.HeldOut.Contains(id))
                {
                    next = next.Register(id, next.Port, TargetGroupDocument.Blue, source);
                    notes.Add(new Note(source[4..], "registered", id));
                }
            }
            else if (present.Source != source)
            {
                // Registered by a deployment or a user before the group was attached (a green fleet handed over): the
                // attachment takes it over, so scale-in removes it. Routing does not change.
                next = next with { Targets = [.. next.Targets.Select(t => t.InstanceId == id ? t with { Source = source } : t)] };
                notes.Add(new Note(source[4..], "adopted", id));
            }
        }

        foreach (var target in next.Targets.Where(t => t.Source.StartsWith("asg:", StringComparison.Ordinal)).ToList())
        {
            if (!members.Contains((target.InstanceId, target.Source)) && arriving?.Contains(target.InstanceId) != true)
            {
                next = next.Deregister(target.InstanceId, holdOut: false);
                notes.Add(new Note(target.Source[4..], "deregistered", target.InstanceId));
            }
        }

        return (next, notes);
    }

    public sealed record Note(string Group, string Change, string InstanceId);
}
