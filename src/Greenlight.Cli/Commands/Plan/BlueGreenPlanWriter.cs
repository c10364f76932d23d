using System.Globalization;
using Greenlight.Core.Batching;
using Greenlight.Core.Deployments;
using Greenlight.Core.Traffic;

namespace Greenlight.Cli.Commands.Plan;

/// <summary>Prints a blue/green plan: the green fleet's rule, the traffic schedule, and the timeline, as text or JSON.</summary>
internal static class BlueGreenPlanWriter
{
    public static void WriteText(TextWriter w, BlueGreenTimeline plan)
    {
        var spec = plan.Spec;
        var c = HealthConstraints.Resolve(spec.Configuration, spec.Instances.Length);
        w.WriteLine(Invariant($"Plan: blue/green, {spec.Instances.Length} blue instances replaced by {spec.Instances.Length} green, {spec.Configuration}"));
        w.WriteLine(Invariant($"Green fleet rule: minimum healthy {c.MinHealthy}, at most {c.MaxInFlight} installing at once, needs {c.RequiredSuccesses} successes"));
        w.WriteLine();
        w.WriteLine("Traffic schedule:");
        w.WriteLine("  Step  Blue   Green  Bake");
        foreach (var (step, i) in spec.BlueGreen!.Traffic.Steps().Select((s, i) => (s, i + 1)))
        {
            w.WriteLine(Invariant($"  {i,-4}  {step.BlueWeight + " %",-5}  {step.GreenWeight + " %",-5}  {(step.Bake > TimeSpan.Zero ? Format(step.Bake) : "-")}"));
        }

        w.WriteLine();
        w.WriteLine("Timeline (events, draining and health checks take no time in the plan):");
        foreach (var entry in plan.Entries)
        {
            w.WriteLine(Invariant($"  +{Format(entry.At),-7} {entry.What}"));
        }

        w.WriteLine();
        var failure = plan.Final.Failure is { } f ? $": {f.Code.ToWireName()} ({f.Message})" : "";
        w.WriteLine(Invariant($"Verdict: {plan.Final.Status}{failure} after {Format(plan.Final.CompletedAt!.Value - DateTimeOffset.UnixEpoch)}"));
    }

    public static object ToJson(BlueGreenTimeline plan) => new
    {
        Strategy = "blueGreen",
        Instances = plan.Spec.Instances.Length,
        Configuration = plan.Spec.Configuration.Name,
        Traffic = plan.Spec.BlueGreen!.Traffic.Steps().Select(s => new { s.BlueWeight, s.GreenWeight, BakeSeconds = (int)s.Bake.TotalSeconds }),
        Timeline = plan.Entries.Select(e => new { AtSeconds = (int)e.At.TotalSeconds, e.What }),
        Verdict = new
        {
            Status = plan.Final.Status.ToString(),
            ErrorCode = plan.Final.Failure?.Code.ToWireName(),
            plan.Final.Failure?.Message,
            DurationSeconds = (int)(plan.Final.CompletedAt!.Value - DateTimeOffset.UnixEpoch).TotalSeconds,
        },
    };

    public static int ExitCode(BlueGreenTimeline plan) =>
        plan.Final.Status == DeploymentStatus.Succeeded ? ExitCodes.Success : ExitCodes.Failure;

    private static string Format(TimeSpan t) => TrafficScheduleParser.FormatDuration(t);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
