using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Greenlight.Cli.Api;
using Greenlight.Cli.Output;
using Greenlight.Core.Traffic;

namespace Greenlight.Cli.Commands.LoadBalancing;

/// <summary>
/// <c>target-group targets --watch|--until</c>: polls the targets and draws the table again when it changes (clearing a
/// terminal, or one table after another with a time line when the output is a pipe or a log), until Ctrl-C, or until
/// <see cref="TargetsWait"/> says the wanted state is reached (exit 0) or the timeout passes (exit 1).
/// </summary>
internal static class TargetsWatch
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(ApiCall call, string name, string? until, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var terminal = ReferenceEquals(call.Out, Console.Out) && !Console.IsOutputRedirected;
        var warnedUnused = false;
        string? last = null;
        while (true)
        {
            var answer = await call.Api.GetAsync(TargetGroupCommand.Path(name) + "/targets", CancellationToken.None);
            var states = Cells.Items(answer["targets"]).Select(t => Cells.Text(t["state"]) ?? "").ToList();
            var reached = until is not null && TargetsWait.Reached(until, states);
            var drawn = Draw(call, answer);
            if (drawn != last)
            {
                call.Out.Write(terminal ? "\u001b[H\u001b[2J" : "");
                var counts = states.Count == 0 ? "no targets" : LoadBalancingViews.Counts(answer["targets"]);
                call.Out.Write(call.Structured ? drawn : string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,6:0.0}s] {name}: {counts}\n{drawn}"));
                last = drawn;
            }

            if (until is not null && !warnedUnused && until == TargetsWait.Healthy && TargetsWait.Unused(states))
            {
                call.Parse.InvocationConfiguration.Error.WriteLine($"note: no listener forwards to {name}, so its targets stay unused until one does");
                warnedUnused = true;
            }

            if (reached)
            {
                if (!call.Structured)
                {
                    call.Out.WriteLine($"{name}: {(until == TargetsWait.Healthy ? "all targets healthy" : "no target draining")}");
                }

                return ExitCodes.Success;
            }

            if (until is not null && clock.Elapsed >= timeout)
            {
                call.Parse.InvocationConfiguration.Error.WriteLine(
                    $"error: {name} did not reach {until} within {TrafficScheduleParser.FormatDuration(timeout)}: {(states.Count == 0 ? "no targets" : LoadBalancingViews.Counts(answer["targets"]))}");
                return ExitCodes.Failure;
            }

            await Task.Delay(PollEvery);
        }
    }

    /// <summary>The table; for <c>-o json</c> the answer on one line (JSON lines), for <c>-o yaml</c> one YAML document each.</summary>
    private static string Draw(ApiCall call, JsonNode answer)
    {
        if (call.Format == OutputFormat.Json)
        {
            return answer.ToJsonString() + "\n";
        }

        if (call.Format == OutputFormat.Yaml)
        {
            using var yaml = new StringWriter { NewLine = "\n" };
            yaml.WriteLine("---");
            StructuredOutput.Write(yaml, OutputFormat.Yaml, answer);
            return yaml.ToString();
        }

        using var text = new StringWriter { NewLine = "\n" };
        LoadBalancingViews.Targets(answer["targets"]).Write(text);
        return text.ToString();
    }
}
