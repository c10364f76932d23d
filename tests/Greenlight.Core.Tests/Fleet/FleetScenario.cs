using System.Collections.Immutable;
using Greenlight.Core.Fleet;

namespace Greenlight.Core.Tests.Fleet;

/// <summary>
/// Builders for planner tests. Times are seconds after <see cref="T0"/> (2026-11-29 12:00:00 UTC); hooks are written
/// "launch a 60 abandon; terminate t 300 continue" (transition, name, timeout in seconds, default result).
/// </summary>
internal static class FleetScenario
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    public static ScalingGroupSpec Spec(int desired, int min = 0, int max = 10, string hooks = "", int graceSeconds = 60, int version = 1) =>
        new("web", min, max, desired, version, TimeSpan.FromSeconds(graceSeconds), Hooks(hooks));

    public static ImmutableArray<ScalingHook> Hooks(string text) =>
    [
        .. text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(h =>
        {
            var p = h.Split(' ');
            var transition = p[0] == "launch" ? HookTransition.Launching : HookTransition.Terminating;
            return new ScalingHook(p[1], transition, TimeSpan.FromSeconds(int.Parse(p[2])), p[3] == "continue");
        }),
    ];

    public static FleetInstance Instance(string id, LifecycleState state, double since = 0, double launched = 0, int version = 1, string results = "") =>
        new(id, state, version, At(launched), At(since)) { HookResults = Results(results) };

    /// <summary>"a=true,b=false" → hook answers.</summary>
    public static ImmutableDictionary<string, bool> Results(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Split('='))
            .ToImmutableDictionary(r => r[0], r => bool.Parse(r[1]));

    public static InstanceFacts Heard(double at, bool alive = true) => new(At(at), alive);

    public static InstanceFacts Silent(bool alive = true) => new(null, alive);

    public static ScalingDecision Decide(ScalingGroupSpec spec, double now, params FleetInstance[] instances) =>
        Decide(spec, new ScalingState([.. instances]), new Dictionary<string, InstanceFacts>(), now);

    public static ScalingDecision Decide(ScalingGroupSpec spec, ScalingState state, IReadOnlyDictionary<string, InstanceFacts> facts, double now) =>
        FleetPlanner.Decide(spec, state, facts, FleetPolicy.Default, At(now));

    public static ScalingDecision DecideOne(ScalingGroupSpec spec, FleetInstance instance, InstanceFacts facts, double now) =>
        Decide(spec, new ScalingState([instance]), new Dictionary<string, InstanceFacts> { [instance.InstanceId] = facts }, now);

    public static FleetInstance Only(this ScalingDecision decision, string id) =>
        decision.Next.Instances.Single(i => i.InstanceId == id);

    public static string Show(this IEnumerable<FleetAction> actions) => string.Join(" ", actions.Select(a => a switch
    {
        LaunchInstances l => $"launch({l.Count})",
        TerminateInstance t => $"terminate({t.InstanceId})",
        NotifyHooks n => $"notify({n.InstanceId},{n.Transition})",
        _ => a.ToString(),
    }));
}
