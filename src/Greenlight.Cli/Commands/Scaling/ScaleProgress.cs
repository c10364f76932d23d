namespace Greenlight.Cli.Commands.Scaling;

/// <summary>
/// What <c>asg scale --wait</c> prints between two polls of a group's instances, and when it stops waiting: when exactly
/// the desired number are InService and none is Pending or Pending:Wait. Instances terminating after a scale-in do not
/// hold the wait up.
/// </summary>
internal static class ScaleProgress
{
    public sealed record Instance(string Id, string State, string? Reason);

    public sealed record Step(IReadOnlyList<string> Changes, bool Done, string Summary);

    /// <summary>
    /// Examples, desired 2: no previous, [a Pending] gives "a  Pending", not done; previous {a Pending}, [a InService, b InService]
    /// gives "a  Pending -> InService" and "b  InService", done; previous {a InService}, [] gives "a  gone".
    /// </summary>
    public static Step Next(IReadOnlyDictionary<string, string> previous, IReadOnlyList<Instance> current, int desired)
    {
        var changes = new List<string>();
        foreach (var instance in current)
        {
            if (!previous.TryGetValue(instance.Id, out var before))
            {
                changes.Add($"{instance.Id}  {instance.State}{Why(instance)}");
            }
            else if (before != instance.State)
            {
                changes.Add($"{instance.Id}  {before} -> {instance.State}{Why(instance)}");
            }
        }

        changes.AddRange(previous.Keys.Where(id => current.All(i => i.Id != id)).Select(id => $"{id}  gone"));
        var inService = current.Count(i => i.State == "InService");
        var pending = current.Count(i => i.State.StartsWith("Pending", StringComparison.Ordinal));
        return new Step(changes, inService == desired && pending == 0, $"{inService} of {desired} InService" + (pending > 0 ? $", {pending} Pending" : ""));
    }

    private static string Why(Instance instance) =>
        instance.Reason is { Length: > 0 } && instance.State is not ("InService" or "Pending") ? $" ({instance.Reason})" : "";
}
