using System.Globalization;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands.Demo;

/// <summary>
/// What the demo did, for the table at its end: each step (ok or FAILED, how long, what it found) and each deployment
/// (strategy, result, duration, requests that failed through the load balancer while it ran).
/// </summary>
internal sealed class DemoSummary
{
    private readonly List<StepRow> _steps = [];
    private readonly List<DeploymentRow> _deployments = [];

    public sealed record StepRow(string Step, bool Ok, TimeSpan Duration, string Details);

    /// <summary><paramref name="RequestsFailed"/>: null when no load ran during it.</summary>
    public sealed record DeploymentRow(string DeploymentId, string Revision, string Strategy, string Result, TimeSpan? Duration, string? RequestsFailed);

    public IReadOnlyList<StepRow> Steps => _steps;

    public IReadOnlyList<DeploymentRow> Deployments => _deployments;

    public bool Ok => _steps.All(s => s.Ok);

    /// <summary>The first step that failed, or null.</summary>
    public StepRow? FirstFailure => _steps.FirstOrDefault(s => !s.Ok);

    public void Add(StepRow step) => _steps.Add(step);

    public void Add(DeploymentRow deployment) => _deployments.Add(deployment);

    public void Write(TextWriter writer, TimeSpan total)
    {
        var deployments = new Table("DEPLOYMENT", "REVISION", "STRATEGY", "RESULT", "DURATION", "REQUESTS FAILED");
        foreach (var d in _deployments)
        {
            deployments.Add(d.DeploymentId, d.Revision, d.Strategy, d.Result, d.Duration is { } t ? Seconds(t) : null, d.RequestsFailed);
        }

        var steps = new Table("STEP", "RESULT", "TIME", "DETAILS");
        foreach (var s in _steps)
        {
            steps.Add(s.Step, s.Ok ? "ok" : "FAILED", Seconds(s.Duration), s.Details);
        }

        if (deployments.Count > 0)
        {
            deployments.Write(writer);
            writer.WriteLine();
        }

        steps.Write(writer);
        writer.WriteLine();
        writer.WriteLine(Ok
            ? $"Every step behaved as expected ({Seconds(total)} in all)."
            : $"demo: FAILED at \"{FirstFailure!.Step}\": {FirstFailure.Details} ({Seconds(total)} in all)");
    }

    /// <summary><c>12.3s</c>.</summary>
    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
}
