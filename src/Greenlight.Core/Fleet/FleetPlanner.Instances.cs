namespace Greenlight.Core.Fleet;

public static partial class FleetPlanner
{
    /// <summary>
    /// The per-instance pass, then its effect on launch backoff: an instance reaching InService resets the failures
    /// (before this pass's failures count, so the result does not depend on instance order); each failed launch adds
    /// one and pushes NextLaunchAt to now + <see cref="LaunchBackoff.Delay"/>.
    /// </summary>
    private static void MoveInstances(PlannerPass pass, ScalingGroupSpec spec, IReadOnlyDictionary<string, InstanceFacts> facts, FleetPolicy policy)
    {
        var steps = new InstanceStep?[pass.Instances.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            if (pass.Instances[i] is { } instance && InstanceTransitions.Step(instance, FactsOf(facts, instance), spec, policy, pass.Now) is { } step)
            {
                steps[i] = step;
                pass.Apply(i, step);
            }
        }

        if (steps.Any(s => s?.Kind == StepKind.EnteredService))
        {
            pass.Failures = 0;
            pass.NextLaunchAt = null;
        }

        foreach (var step in steps)
        {
            if (step is not null)
            {
                Record(pass, step, policy);
            }
        }
    }

    private static void Record(PlannerPass pass, InstanceStep step, FleetPolicy policy)
    {
        var id = step.Next.InstanceId;
        switch (step.Kind)
        {
            case StepKind.EnteredService:
                pass.Note(id, $"Instance {id} entered service", step.Cause);
                break;
            case StepKind.MarkedForTermination when step.Next.LaunchFailed:
                pass.Failures = pass.Failures == int.MaxValue ? int.MaxValue : Math.Max(pass.Failures, 0) + 1;
                var delay = LaunchBackoff.Delay(policy, pass.Failures);
                pass.NextLaunchAt = Moments.After(pass.Now, delay);
                pass.Note(id, $"Terminating instance {id}", $"{step.Cause}; next launch in {FleetText.Duration(delay)}");
                break;
            case StepKind.MarkedForTermination:
                pass.Replacing.Add(id);
                pass.Note(id, $"Terminating instance {id}", step.Cause);
                break;
            case StepKind.Wait:
            case StepKind.Terminated:
            default:
                break;
        }
    }
}
