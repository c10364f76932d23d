namespace Greenlight.Cli.Commands.Declarative;

/// <summary>
/// Compares every document with the server before anything changes: in dependency order (applications, configs,
/// launch templates, target groups, load balancers, alarms, auto scaling groups, deployment groups), each becomes
/// create, update (with its field changes), unchanged, or impossible (a change the API cannot make).
/// </summary>
internal static class ChangePlanner
{
    public static async Task<IReadOnlyList<PlannedChange>> PlanAsync(ResourceStore store, IReadOnlyList<ResourceDocument> documents, CancellationToken ct)
    {
        var plan = new List<PlannedChange>();
        foreach (var document in documents.OrderBy(d => d.Kind.Order))
        {
            var current = await store.CurrentSpecAsync(document, ct);
            if (current is null)
            {
                plan.Add(new PlannedChange(document, ChangeAction.Create, []));
                continue;
            }

            var desired = document.Spec.DeepClone().AsObject();
            if (document.Kind == ResourceKind.LaunchTemplate)
            {
                // A new version is made when the data differs; a description alone is no reason for one.
                desired.Remove("versionDescription");
            }

            var changes = SpecDiff.Compare(desired, current);
            var reason = changes.Count == 0 ? null : ResourceStore.CannotUpdate(document.Kind, changes);
            var action = changes.Count == 0 ? ChangeAction.Unchanged : reason is not null ? ChangeAction.Impossible : ChangeAction.Update;
            plan.Add(new PlannedChange(document, action, changes, reason));
        }

        return plan;
    }
}
