using System.Collections.Immutable;

namespace Greenlight.Core.Fleet;

/// <summary>One call of the planner while it is being worked out: the instances so far, who moved, what to do and record.</summary>
internal sealed class PlannerPass
{
    public PlannerPass(ScalingState state, DateTimeOffset now)
    {
        Now = now;
        Instances = state.Instances.IsDefault ? [] : [.. state.Instances];
        Moved = new bool[Instances.Length];
        Failures = state.ConsecutiveLaunchFailures;
        NextLaunchAt = state.NextLaunchAt;
    }

    public DateTimeOffset Now { get; }

    public FleetInstance[] Instances { get; }

    /// <summary>Instances that already moved in this pass: none moves twice in one call.</summary>
    public bool[] Moved { get; }

    public bool Changed => Moved.Contains(true);

    public int Failures { get; set; }

    public DateTimeOffset? NextLaunchAt { get; set; }

    public int Launched { get; set; }

    /// <summary>Instances marked unhealthy in this pass, which new launches replace.</summary>
    public List<string> Replacing { get; } = [];

    public ImmutableArray<FleetAction>.Builder Actions { get; } = ImmutableArray.CreateBuilder<FleetAction>();

    public ImmutableArray<ScalingActivityNote>.Builder Activities { get; } = ImmutableArray.CreateBuilder<ScalingActivityNote>();

    public int Live => Instances.Count(i => i is not null && FleetCapacity.IsLive(i.State));

    public void Apply(int index, InstanceStep step)
    {
        Instances[index] = step.Next;
        Moved[index] = true;
        if (step.Action is { } action)
        {
            Actions.Add(action);
        }
    }

    public void Note(string? instanceId, string description, string cause) =>
        Activities.Add(new ScalingActivityNote(instanceId, description, cause));
}
