using System.Globalization;
using Greenlight.Core.Batching;

namespace Greenlight.Cli.Commands.Plan;

/// <summary>
/// Writes a plan for people as plain aligned text: no colour or terminal control codes, so it reads the same in a
/// terminal, a pipe or a test's <see cref="StringWriter"/>.
/// </summary>
internal static class PlanTextWriter
{
    public static void Write(TextWriter w, DeploymentPlan plan)
    {
        var c = plan.Constraints;
        var instances = PlanDescriptions.Plural(c.InstanceCount, "instance", "instances");
        w.WriteLine(Invariant($"Plan: {c.InstanceCount} {instances}, {plan.Configuration}, {PlanDescriptions.Scenario(plan.Scenario)}"));
        w.WriteLine("Rule: " + PlanDescriptions.Rule(plan));
        w.WriteLine();
        WriteBatches(w, plan);
        w.WriteLine();
        WriteLifecycle(w, plan);
        w.WriteLine();
        w.WriteLine("Verdict: " + plan.Verdict.RuleText);
    }

    private static void WriteBatches(TextWriter w, DeploymentPlan plan)
    {
        if (plan.Batches.IsEmpty)
        {
            w.WriteLine("Batches: none (no instance is touched)");
            return;
        }

        w.WriteLine("Batches (each batch is assumed to finish before the next one starts):");
        var rows = plan.Batches.Select(b => new[]
        {
            Number(b.Number), InstanceRanges.Format(b.InstanceNumbers), Number(b.Succeeded), Number(b.Failed), Number(b.HealthyAfter),
        });
        WriteTable(w, ["Batch", "Instances", "Succeeded", "Failed", "Healthy after"], [.. rows]);
        var skipped = plan.Instances.Where(i => i.Outcome == InstanceOutcome.Skipped).Select(i => i.Number).ToArray();
        if (skipped.Length > 0)
        {
            w.WriteLine("Never attempted: " + InstanceRanges.Format(skipped));
        }
    }

    private static void WriteLifecycle(TextWriter w, DeploymentPlan plan)
    {
        w.WriteLine("Lifecycle events, the same on every attempted instance:");
        var rows = plan.Lifecycle.Select((s, i) => new[]
        {
            Number(i + 1), s.Event.ToString(), PlanDescriptions.Runner(s), PlanDescriptions.Source(s.Scripts),
        });
        WriteTable(w, ["#", "Event", "Run by", "Scripts from"], [.. rows]);
        var failed = plan.Instances.Where(i => i.Outcome == InstanceOutcome.Failed).ToArray();
        if (failed.Length > 0)
        {
            w.WriteLine(Invariant(
                $"Failing: {InstanceRanges.Format(failed.Select(i => i.Number))} (fail at {failed[0].FailedAt}; their later events do not run)"));
        }
    }

    private static void WriteTable(TextWriter w, string[] header, string[][] rows)
    {
        var widths = header.Select((h, col) => rows.Select(r => r[col].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            w.WriteLine(("  " + string.Join("  ", row.Select((cell, col) => cell.PadRight(widths[col])))).TrimEnd());
        }
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
