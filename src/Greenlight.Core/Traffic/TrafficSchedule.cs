using System.Collections.Immutable;

namespace Greenlight.Core.Traffic;

/// <summary>
/// A traffic-shift schedule. <see cref="Steps"/> expands it into the weights green receives, in order.
/// </summary>
/// <remarks>
/// Worked examples (pinned by TrafficScheduleTests):
/// <list type="bullet">
/// <item><c>AllAtOnce</c> → [100].</item>
/// <item><c>TimeBasedCanary{10, 5m}</c> → [10 (bake 5m), 100].</item>
/// <item><c>TimeBasedLinear{10, 1m}</c> → [10, 20, ..., 90 (each bake 1m), 100].</item>
/// <item><c>TimeBasedLinear{30, 2m}</c> → [30, 60, 90 (each bake 2m), 100]: the last increment is whatever is left.</item>
/// <item><c>Steps[5 (1m), 50 (10m)]</c> → [5, 50, 100]: a schedule that does not end at 100 gets a final 100.</item>
/// </list>
/// The last step (100 %) never bakes here: what follows it is the deployment's watch window.
/// </remarks>
public sealed record TrafficSchedule(TrafficScheduleKind Kind, int Percentage, TimeSpan Interval, ImmutableArray<TrafficStep> ExplicitSteps)
{
    /// <summary>Everything to green at once.</summary>
    public static TrafficSchedule AllAtOnce { get; } = new(TrafficScheduleKind.AllAtOnce, 100, TimeSpan.Zero, []);

    public static TrafficSchedule Canary(int percentage, TimeSpan interval) =>
        new(TrafficScheduleKind.TimeBasedCanary, percentage, interval, []);

    public static TrafficSchedule Linear(int percentage, TimeSpan interval) =>
        new(TrafficScheduleKind.TimeBasedLinear, percentage, interval, []);

    public static TrafficSchedule FromSteps(IEnumerable<TrafficStep> steps) =>
        new(TrafficScheduleKind.Steps, 0, TimeSpan.Zero, [.. steps]);

    /// <summary>The green weights in order; the last is always 100. Call <see cref="Validate"/> first.</summary>
    public ImmutableArray<TrafficStep> Steps()
    {
        var steps = ImmutableArray.CreateBuilder<TrafficStep>();
        switch (Kind)
        {
            case TrafficScheduleKind.TimeBasedCanary:
                steps.Add(new TrafficStep(Percentage, Interval));
                break;
            case TrafficScheduleKind.TimeBasedLinear:
                for (var weight = Percentage; weight < 100; weight += Percentage)
                {
                    steps.Add(new TrafficStep(weight, Interval));
                }

                break;
            case TrafficScheduleKind.Steps:
                steps.AddRange(ExplicitSteps.Where(s => s.GreenWeight < 100));
                break;
            case TrafficScheduleKind.AllAtOnce:
            default:
                break;
        }

        steps.Add(new TrafficStep(100, TimeSpan.Zero));
        return steps.ToImmutable();
    }

    /// <summary>
    /// Problems that make the schedule unusable: percentages outside 1-99 for canary and linear,
    /// negative intervals, explicit weights outside 1-100 or not strictly increasing.
    /// </summary>
    public ImmutableArray<string> Validate()
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        if (Kind is TrafficScheduleKind.TimeBasedCanary or TrafficScheduleKind.TimeBasedLinear)
        {
            if (Percentage is < 1 or > 99)
            {
                problems.Add($"{Kind} percentage must be a whole number from 1 to 99, not {Percentage}.");
            }

            if (Interval < TimeSpan.Zero)
            {
                problems.Add($"{Kind} interval must not be negative, not {Interval}.");
            }
        }

        if (Kind == TrafficScheduleKind.Steps)
        {
            if (ExplicitSteps.IsDefaultOrEmpty)
            {
                problems.Add("A step schedule needs at least one step.");
                return problems.ToImmutable();
            }

            var previous = 0;
            foreach (var (step, index) in ExplicitSteps.Select((s, i) => (s, i + 1)))
            {
                if (step.GreenWeight is < 1 or > 100)
                {
                    problems.Add($"Step {index}: weight must be a whole percentage from 1 to 100, not {step.GreenWeight}.");
                }
                else if (step.GreenWeight <= previous)
                {
                    problems.Add($"Step {index}: weight {step.GreenWeight} must be above the previous step's {previous}; traffic only moves forward.");
                }

                if (step.Bake < TimeSpan.Zero)
                {
                    problems.Add($"Step {index}: bake time must not be negative.");
                }

                previous = Math.Max(previous, step.GreenWeight);
            }
        }

        return problems.ToImmutable();
    }
}
