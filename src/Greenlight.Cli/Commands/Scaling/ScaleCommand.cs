using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Options;
using Greenlight.Cli.Commands.Resources;
using Greenlight.Cli.Output;
using Greenlight.Contracts.V1;
using Greenlight.Core.Traffic;

namespace Greenlight.Cli.Commands.Scaling;

/// <summary><c>greenlight asg scale NAME DESIRED [--wait]</c>: sets the desired capacity and, with --wait, follows the instances until it is reached.</summary>
internal static class ScaleCommand
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    public static Command Create()
    {
        var name = AsgCommand.Name();
        var desired = new Argument<int>("desired")
        {
            Description = "How many instances the group should run (from its min to its max).",
            CustomParser = result =>
            {
                if (int.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }

                result.AddError($"desired capacity '{result.Tokens[0].Value}' must be a whole number, 0 or more");
                return 0;
            },
        };
        var wait = new Option<bool>("--wait", "-w") { Description = "Wait until exactly DESIRED instances are InService and none is Pending, printing each change of state." };
        var timeout = DurationOption.Create("--timeout", "With --wait: give up after this long, exit 1 (default 10m).", TimeSpan.FromHours(24));
        return new Command("scale", Help.Verb("Set a group's desired capacity; the server launches or terminates instances to match it.\n" +
                                              "With --wait the exit code says whether the capacity was reached in time (1 on timeout).",
            "asg scale web-asg 3 --wait", "asg scale web-asg 0 --wait --timeout 2m"))
        {
            name, desired, wait, timeout,
        }.WithApi(async call =>
        {
            var answer = await call.Api.PostAsync(AsgCommand.Path(call.Get(name)) + "/desired-capacity", new SetDesiredCapacityInput(call.Get(desired)), CancellationToken.None);
            if (!call.Get(wait))
            {
                return call.Done(answer, $"Auto scaling group {call.Get(name)}: desired capacity {call.Get(desired)}");
            }

            var progress = call.Structured ? TextWriter.Null : call.Out;
            progress.WriteLine($"Auto scaling group {call.Get(name)}: desired capacity {call.Get(desired)}; waiting for {call.Get(desired)} InService");
            var (done, summary) = await WaitAsync(call.Api, call.Get(name), call.Get(desired), call.Get(timeout) ?? TimeSpan.FromMinutes(10), progress);
            if (!done)
            {
                call.Parse.InvocationConfiguration.Error.WriteLine(
                    $"error: {call.Get(name)} did not reach {call.Get(desired)} InService within {TrafficScheduleParser.FormatDuration(call.Get(timeout) ?? TimeSpan.FromMinutes(10))}: {summary}");
                return ExitCodes.Failure;
            }

            var group = await call.Api.GetAsync(AsgCommand.Path(call.Get(name)), CancellationToken.None);
            return call.Print(group, w => w.WriteLine($"{call.Get(name)}: {summary}"));
        });
    }

    /// <summary>Polls the group's instances, printing each change, until <see cref="ScaleProgress"/> says done or the time is up.</summary>
    private static async Task<(bool Done, string Summary)> WaitAsync(ApiConnection api, string name, int desired, TimeSpan timeout, TextWriter progress)
    {
        var clock = Stopwatch.StartNew();
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var answer = await api.GetAsync(AsgCommand.Path(name) + "/instances", CancellationToken.None);
            var instances = Cells.Items(answer["instances"])
                .Select(i => new ScaleProgress.Instance(Cells.Text(i["instanceId"]) ?? "", Cells.Text(i["lifecycleState"]) ?? "", Cells.Text(i["statusReason"])))
                .Where(i => i.State != "Terminated" || states.ContainsKey(i.Id))
                .ToList();
            var step = ScaleProgress.Next(states, instances, desired);
            foreach (var change in step.Changes)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,6:0.0}s] {change}"));
            }

            states = instances.Where(i => i.State != "Terminated").ToDictionary(i => i.Id, i => i.State, StringComparer.Ordinal);
            if (step.Done || clock.Elapsed >= timeout)
            {
                return (step.Done, step.Summary);
            }

            await Task.Delay(PollEvery);
        }
    }
}
