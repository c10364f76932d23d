using System.Diagnostics;
using Greenlight.Cli.Api;

namespace Greenlight.Cli.Commands.Demo;

/// <summary>
/// Prints the demo as it goes (a heading per step, then indented progress lines with the time since the step began)
/// and records each step's outcome in the <see cref="DemoSummary"/>. A failed check, a refusal by the API or an
/// interruption marks the step FAILED with why, then ends the scenario.
/// </summary>
internal sealed class DemoNarrator(TextWriter output, DemoSummary summary)
{
    private Stopwatch _step = Stopwatch.StartNew();

    public DemoSummary Summary => summary;

    /// <summary>Runs one step; <paramref name="body"/> returns the one-line result for the summary.</summary>
    public async Task StepAsync(string step, string heading, Func<Task<string>> body)
    {
        output.WriteLine();
        output.WriteLine($"== {heading}");
        output.Flush();
        _step = Stopwatch.StartNew();
        string details;
        try
        {
            details = await body();
        }
        catch (DemoCheckFailed e)
        {
            Fail(step, e.Message);
            throw;
        }
        catch (ApiException e)
        {
            Fail(step, $"the server refused: {e.Message} ({e.Code})");
            throw new DemoCheckFailed($"the server refused: {e.Message} ({e.Code})");
        }
        catch (OperationCanceledException)
        {
            Fail(step, "interrupted");
            throw;
        }

        summary.Add(new DemoSummary.StepRow(step, true, _step.Elapsed, details));
        Say($"ok: {details}");
    }

    /// <summary>A line under the current step.</summary>
    public void Say(string line)
    {
        output.WriteLine("   " + line);
        output.Flush();
    }

    /// <summary>A progress line with the time since the step began: <c>[  3.2s] ...</c>.</summary>
    public void Progress(string line) => Say($"[{_step.Elapsed.TotalSeconds,5:0.0}s] {line}");

    private void Fail(string step, string why)
    {
        summary.Add(new DemoSummary.StepRow(step, false, _step.Elapsed, why));
        output.WriteLine($"   FAILED: {why}");
        output.Flush();
    }
}
