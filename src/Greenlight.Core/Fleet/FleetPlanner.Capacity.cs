namespace Greenlight.Core.Fleet;

public static partial class FleetPlanner
{
    /// <summary>
    /// Brings the live count to <see cref="FleetCapacity.Target"/>: above it, marks the first instances in
    /// <see cref="ScaleInOrder"/> Terminating, stopping early at an instance that already moved in this pass (it is
    /// chosen on the next call, since an instance moves once per call; skipping it would terminate one further along);
    /// below it, launches the difference once NextLaunchAt has come, never past MaxSize. A launch is noted once per
    /// unhealthy instance it replaces and once for the rest ("Launching 3 new instances"), so the number of notes
    /// never depends on the size of the launch.
    /// </summary>
    private static void SettleCapacity(PlannerPass pass, ScalingGroupSpec spec)
    {
        var live = pass.Live;
        var target = FleetCapacity.Target(spec);
        if (live > target)
        {
            ScaleIn(pass, spec, live - target);
        }
        else if (live < target && (pass.NextLaunchAt is not { } next || pass.Now >= next))
        {
            Launch(pass, spec, live, Math.Min(target, spec.MaxSize) - live);
        }
    }

    private static void ScaleIn(PlannerPass pass, ScalingGroupSpec spec, int excess)
    {
        var reason = $"scale-in: {FleetCapacity.Describe(spec)}";
        var chosen = Enumerable.Range(0, pass.Instances.Length)
            .Where(i => pass.Instances[i] is { } instance && FleetCapacity.IsLive(instance.State))
            .OrderBy(i => pass.Instances[i], ScaleInOrder.Instance)
            .Take(excess)
            .TakeWhile(i => !pass.Moved[i])
            .ToList();
        foreach (var i in chosen)
        {
            var step = InstanceTransitions.MarkForTermination(pass.Instances[i], pass.Now, reason, launchFailed: false);
            pass.Apply(i, step);
            pass.Note(step.Next.InstanceId, $"Terminating instance {step.Next.InstanceId}", reason);
        }
    }

    private static void Launch(PlannerPass pass, ScalingGroupSpec spec, int live, int count)
    {
        if (count <= 0)
        {
            return;
        }

        pass.Launched = count;
        pass.Actions.Add(new LaunchInstances(count));
        var replacements = pass.Replacing.Take(count).ToList();
        foreach (var replaced in replacements)
        {
            pass.Note(null, "Launching a new instance", $"replacing unhealthy instance {replaced}");
        }

        var rest = count - replacements.Count;
        if (rest > 0)
        {
            var description = rest == 1 ? "Launching a new instance" : FormattableString.Invariant($"Launching {rest} new instances");
            pass.Note(null, description, FormattableString.Invariant($"{FleetCapacity.Describe(spec)}, {live} live"));
        }
    }
}
