using System.CommandLine;
using System.Globalization;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Options;
using Greenlight.Cli.Commands.Resources;
using Greenlight.Cli.Output;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.LoadBalancing;

/// <summary>The target verbs of <c>greenlight target-group</c>: register, deregister, targets (with --watch / --until) and metrics.</summary>
internal static class TargetCommands
{
    public static Command Register()
    {
        var name = TargetGroupCommand.Name();
        var instances = TargetRefOption.Create("An instance to add as a target: its address and the group's port, or PORT when given.");
        return new Command("register", Help.Verb("Register instances as targets. A new target is health-checked (state initial) and receives traffic once healthy.",
            "target-group register web --instance web-1 --instance web-2", "tg register web --instance web-1:8081"))
        {
            name, instances,
        }.WithApi(async call =>
        {
            var answer = await call.Api.PostAsync(TargetGroupCommand.Path(call.Get(name)) + "/targets", new TargetsInput(call.Get(instances)), CancellationToken.None);
            return call.Print(answer, w =>
            {
                w.WriteLine($"Registered {Names(call.Get(instances))} in target group {call.Get(name)}");
                LoadBalancingViews.Targets(answer["targets"]).Write(w);
            });
        });
    }

    public static Command Deregister()
    {
        var name = TargetGroupCommand.Name();
        var instances = TargetRefOption.Create("A target to remove (INSTANCE:PORT when it was registered with a port of its own).");
        return new Command("deregister", Help.Verb("Deregister targets: they get no new requests and drain (finish in-flight ones) for up to the group's " +
                                                   "deregistration delay, then are removed. targets --until drained waits for that.",
            "target-group deregister web --instance web-1", "tg deregister web --instance web-1 --instance web-2:8081"))
        {
            name, instances,
        }.WithApi(async call =>
        {
            var answer = await call.Api.PostAsync(TargetGroupCommand.Path(call.Get(name)) + "/targets/deregister", new TargetsInput(call.Get(instances)), CancellationToken.None);
            return call.Print(answer, w =>
            {
                w.WriteLine($"Deregistering {Names(call.Get(instances))} from target group {call.Get(name)}");
                LoadBalancingViews.Targets(answer["targets"]).Write(w);
            });
        });
    }

    public static Command Targets()
    {
        var name = TargetGroupCommand.Name();
        var watch = new Option<bool>("--watch", "-w") { Description = "Redraw the table as targets change, until Ctrl-C (or until --until is reached)." };
        var until = Choices.Only(new Option<string>("--until")
        {
            Description = "Wait until every target that is not draining is healthy (healthy), or no target is draining (drained); exit 0 then. Implies --watch.",
            HelpName = "healthy|drained",
        }, TargetsWait.Healthy, TargetsWait.Drained);
        var timeout = DurationOption.Create("--timeout", "With --until: give up after this long, exit 1 (default 5m).", TimeSpan.FromHours(24));
        return new Command("targets", Help.Verb("List a target group's targets: instance, address:port, pool (blue or green), state (initial, healthy, unhealthy, " +
                                                "draining, unused), in-flight requests and the reason for the state.\n" +
                                                "With --until the exit code says whether the state was reached in time (1 on timeout).",
            "target-group targets web", "tg targets web --watch", "tg targets web --until healthy --timeout 2m", "tg targets web --until drained"))
        {
            name, watch, until, timeout,
        }.WithApi(async call =>
        {
            if (call.Has(timeout) && call.Get(until) is null)
            {
                throw new UsageException("--timeout needs --until healthy|drained");
            }

            if (call.Get(watch) || call.Get(until) is not null)
            {
                return await TargetsWatch.RunAsync(call, call.Get(name), call.Get(until), call.Get(timeout) ?? TimeSpan.FromMinutes(5));
            }

            var answer = await call.Api.GetAsync(TargetGroupCommand.Path(call.Get(name)) + "/targets", CancellationToken.None);
            return call.Print(answer, LoadBalancingViews.Targets(answer["targets"]).Write);
        });
    }

    public static Command Metrics()
    {
        var name = TargetGroupCommand.Name();
        var seconds = CountOption.Create("--seconds", "The window: the last N seconds, 1-900 (default 60).");
        seconds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 900)
            {
                result.AddError($"--seconds '{result.Tokens[0].Value}' must be 1-900");
            }
        });
        return new Command("metrics", Help.Verb("Show a target group's traffic in a recent window: requests, responses by class, connection errors, latency " +
                                                "percentiles and health changes, in total and per target.",
            "target-group metrics web", "tg metrics web --seconds 300 -o json"))
        {
            name, seconds,
        }.WithApi(async call =>
        {
            var window = call.Get(seconds) ?? 60;
            var answer = await call.Api.GetAsync(TargetGroupCommand.Path(call.Get(name)) + "/metrics?seconds=" + window.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
            return call.Print(answer, w => LoadBalancingViews.Metrics(w, answer));
        });
    }

    /// <summary><c>web-1, web-2:8081</c>.</summary>
    private static string Names(TargetRef[]? targets) =>
        string.Join(", ", (targets ?? []).Select(t => t.Port is { } port ? $"{t.InstanceId}:{port.ToString(CultureInfo.InvariantCulture)}" : t.InstanceId));
}
