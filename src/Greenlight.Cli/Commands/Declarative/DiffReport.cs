namespace Greenlight.Cli.Commands.Declarative;

/// <summary>
/// Prints a plan as <c>diff</c> shows it: one line per resource (<c>create</c>, <c>update</c>, <c>unchanged</c>,
/// <c>cannot update</c>), and under it each field that differs (<c>~ spec.minimumHealthyHosts.value: 1 -> 2</c>) or
/// <c>+ created</c>.
/// </summary>
internal static class DiffReport
{
    public static void Write(DeclarativeCall call, IReadOnlyList<PlannedChange> plan)
    {
        if (call.Structured)
        {
            PlanJson.Write(call.Out, call.Format, plan.Select(c => (c, PlanJson.Word(c.Action))));
        }
        else
        {
            Write(call.Out, plan);
        }
    }

    public static void Write(TextWriter writer, IReadOnlyList<PlannedChange> plan)
    {
        foreach (var change in plan)
        {
            var doc = change.Document;
            switch (change.Action)
            {
                case ChangeAction.Unchanged:
                    writer.WriteLine($"{doc.Title}: unchanged");
                    break;
                case ChangeAction.Create:
                    writer.WriteLine($"{doc.Title}: create");
                    writer.WriteLine("  + created");
                    break;
                default:
                    writer.WriteLine(change.Action == ChangeAction.Update ? $"{doc.Title}: update" : $"{doc.Title}: cannot update: {change.Reason}");
                    foreach (var field in change.Changes)
                    {
                        writer.WriteLine("  " + field);
                    }

                    break;
            }
        }

        var counts = plan.GroupBy(c => c.Action).ToDictionary(g => g.Key, g => g.Count());
        writer.WriteLine($"{counts.GetValueOrDefault(ChangeAction.Create)} to create, {counts.GetValueOrDefault(ChangeAction.Update)} to update, " +
            $"{counts.GetValueOrDefault(ChangeAction.Unchanged)} unchanged" +
            (counts.GetValueOrDefault(ChangeAction.Impossible) is > 0 and var n ? $", {n} that cannot be updated" : ""));
    }

    /// <summary>Whether the plan changes anything (or would, if it could).</summary>
    public static bool HasDifferences(IReadOnlyList<PlannedChange> plan) => plan.Any(c => c.Action != ChangeAction.Unchanged);
}
