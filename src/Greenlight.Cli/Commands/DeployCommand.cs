using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Plan;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands;

/// <summary>
/// <c>greenlight deploy</c>: uploads a bundle (or names a registered revision), creates a deployment, and with
/// <c>--watch</c> follows it to its verdict, printing each change of status and what it is doing.
/// </summary>
internal static class DeployCommand
{
    public static Command Create()
    {
        var app = new Option<string>("--app", "-a") { Description = "The application.", HelpName = "NAME" };
        var group = new Option<string>("--group", "-g") { Description = "The deployment group.", HelpName = "NAME" };
        var revision = new Option<string>("--revision") { Description = "A registered revision's SHA-256.", HelpName = "SHA256" };
        var bundle = new Option<string>("--bundle", "-b") { Description = "A bundle directory, or a .zip/.tar/.tgz file, to upload first.", HelpName = "DIR|FILE" };
        var config = new Option<string>("--config", "-c") { Description = "A deployment configuration (default: the group's).", HelpName = "NAME" };
        var watch = new Option<bool>("--watch", "-w") { Description = "Follow the deployment to its verdict (events, traffic split, alarm states); the exit code is the verdict." };
        var traffic = Options.TrafficOption.Create("Blue/green: how traffic moves to green: all | canary:PCT:DURATION | linear:PCT:DURATION | steps:W@D,... (default: the group's, else all).");
        var greenTags = Options.TagOptions.Filters("--green-tag-filter",
            "Blue/green with DISCOVER_EXISTING: instances with this tag become green (KEY=VALUE, KEY or =VALUE). Repeatable; any filter matches.");
        var greenAsgs = new Option<string[]>("--green-asg")
        {
            Description = "Blue/green with DISCOVER_EXISTING: the InService instances of this auto scaling group become green. Repeatable.",
            HelpName = "NAME",
        };
        var autoRollback = new Resources.GroupOptions().AutoRollback;
        autoRollback.Description = "For this deployment only, instead of the group's autoRollbackConfiguration: roll back on these events " +
            "(DEPLOYMENT_FAILURE,DEPLOYMENT_STOP_ON_ALARM,DEPLOYMENT_STOP_ON_REQUEST, comma-separated), or off (this deployment never rolls back by itself).";
        var noAlarms = new Option<bool>("--no-alarms")
        {
            Description = "For this deployment only, watch no alarms (overrideAlarmConfiguration enabled=false), e.g. to get out of an alarm that keeps rolling back.",
        };
        var output = OutputOption.Create();
        var command = new Command("deploy",
            "Deploy a revision to a deployment group.\n" +
            "Examples:\n" +
            "  greenlight deploy --app web --group prod --bundle ./site --watch\n" +
            "  greenlight deploy --app web --group prod --revision 3f2a...e9 --config CodeDeployDefault.HalfAtATime\n" +
            "  greenlight deploy --app web --group bg --bundle ./site --traffic canary:10:5m --watch\n" +
            "  greenlight deploy --app web --group bg --bundle ./site --traffic linear:25:1m --green-tag-filter color=green\n" +
            "  greenlight deploy --app web --group prod --bundle ./site --auto-rollback off --no-alarms\n" +
            "Exit codes: 0 created (with --watch: Succeeded); 1 the server refused, or (with --watch) Failed or Stopped; 2 bad options, nothing configured or the server unreachable.")
        {
            app, group, revision, bundle, config, watch, traffic, greenTags, greenAsgs, autoRollback, noAlarms, output,
        };
        ApiOptions.AddTo(command);
        command.Action = new UsageErrorAwareAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            if (UsageErrorAwareAction.Problem(parseResult) is { } bad)
            {
                return Usage(stderr, bad);
            }

            if (parseResult.GetValue(app) is not { } appName || parseResult.GetValue(group) is not { } groupName)
            {
                return Usage(stderr, "--app and --group are required");
            }

            if ((parseResult.GetValue(revision) is null) == (parseResult.GetValue(bundle) is null))
            {
                return Usage(stderr, "give exactly one of --revision SHA256 or --bundle DIR|FILE");
            }

            using var api = ApiOptions.Connect(parseResult, out var problem);
            if (api is null)
            {
                return Usage(stderr, problem!);
            }

            try
            {
                var target = parseResult.GetResult(greenTags) is null && parseResult.GetResult(greenAsgs) is null
                    ? null
                    : new Contracts.V1.TargetInstances(parseResult.GetValue(greenTags), parseResult.GetValue(greenAsgs));
                var request = new Request(appName, groupName, parseResult.GetValue(revision), parseResult.GetValue(bundle), parseResult.GetValue(config),
                    parseResult.GetValue(traffic), target)
                {
                    AutoRollback = parseResult.GetValue(autoRollback),
                    NoAlarms = parseResult.GetValue(noAlarms),
                };
                return RunAsync(api, request, parseResult.GetValue(watch), parseResult.GetValue(output), stdout).GetAwaiter().GetResult();
            }
            catch (ApiException e)
            {
                stderr.WriteLine(e.Unreachable ? $"greenlight deploy: {e.Message}" : $"greenlight deploy: {e.Code}: {e.Message}");
                foreach (var detail in e.DetailNodes ?? [])
                {
                    stderr.WriteLine($"  {detail?["file"]}:{detail?["line"]}:{detail?["column"]}: {detail?["severity"]} {detail?["code"]}: {detail?["message"]}");
                }

                return e.ExitCode;
            }
            catch (IOException e)
            {
                return Usage(stderr, e.Message);
            }
        });
        return command;
    }

    /// <summary>What to deploy where, as the options gave it.</summary>
    private sealed record Request(string App, string Group, string? Revision, string? Bundle, string? Config, string? Traffic, Contracts.V1.TargetInstances? TargetInstances)
    {
        /// <summary>This deployment's autoRollbackConfiguration override; null keeps the group's.</summary>
        public Contracts.V1.AutoRollbackConfiguration? AutoRollback { get; init; }

        /// <summary>Watch no alarms for this deployment (overrideAlarmConfiguration enabled=false).</summary>
        public bool NoAlarms { get; init; }
    }

    private static async Task<int> RunAsync(ApiConnection api, Request request, bool watch, OutputFormat output, TextWriter stdout)
    {
        var ct = CancellationToken.None;
        var (app, group, revision, bundle, config) = (request.App, request.Group, request.Revision, request.Bundle, request.Config);
        if (bundle is not null)
        {
            var (bytes, type) = Directory.Exists(bundle)
                ? (BundleZipper.Zip(bundle), "zip")
                : File.Exists(bundle) ? (await File.ReadAllBytesAsync(bundle, ct), TypeOf(bundle)) : throw new IOException($"--bundle '{bundle}' does not exist");
            var uploaded = await api.PostBytesAsync($"applications/{app}/revisions?bundleType={type}", bytes, ct);
            revision = uploaded["revisionLocation"]!["bundle"]!["sha256"]!.GetValue<string>();
            if (output == OutputFormat.Table)
            {
                stdout.WriteLine($"Uploaded revision {revision} ({bytes.Length} bytes)");
            }
        }

        var created = await api.PostAsync("deployments", new
        {
            applicationName = app,
            deploymentGroupName = group,
            deploymentConfigName = config,
            revision = new { revisionType = "Bundle", bundle = new { sha256 = revision, bundleType = "zip" } },
            trafficRouting = request.Traffic,
            targetInstances = request.TargetInstances,
            autoRollbackConfiguration = request.AutoRollback,
            overrideAlarmConfiguration = request.NoAlarms ? new Contracts.V1.AlarmConfiguration(Enabled: false) : null,
        }, ct);
        var id = created["deploymentId"]!.GetValue<string>();
        if (!watch)
        {
            if (output != OutputFormat.Table)
            {
                StructuredOutput.Write(stdout, output, new { deploymentId = id, revision });
            }
            else
            {
                stdout.WriteLine($"Created deployment {id}");
            }

            return ExitCodes.Success;
        }

        var info = await WatchAsync(api, id, output == OutputFormat.Table ? stdout : TextWriter.Null, ct);
        if (output != OutputFormat.Table)
        {
            StructuredOutput.Write(stdout, output, info);
        }

        return info["status"]!.GetValue<string>() == "Succeeded" ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>
    /// Polls the deployment until it ends, printing each change of status or activity with the fleet's counts, each
    /// instance's lifecycle events as they start, succeed or fail, the traffic split, and the state of each alarm the
    /// group watches when it changes; returns its final DeploymentInfo.
    /// </summary>
    internal static async Task<JsonNode> WatchAsync(ApiConnection api, string id, TextWriter progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var last = "";
        string? lastTraffic = null;
        var events = new Dictionary<(string Instance, string Name), string>();
        IReadOnlyList<string>? alarmNames = null;
        var alarms = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var info = (await api.GetAsync($"deployments/{id}", ct))["deploymentInfo"]!;
            alarmNames ??= await WatchAlarms.NamesAsync(api, info, ct);
            var status = info["status"]!.GetValue<string>();
            var line = $"{status,-10} {info["statusReason"]}  ({WatchProgress.Counts(info["deploymentOverview"])})";
            var at = string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,6:0.0}s]");
            var current = WatchProgress.Events(await api.GetAsync($"deployments/{id}/targets", ct));
            foreach (var change in WatchProgress.Changes(events, current))
            {
                progress.WriteLine($"{at}   {change}");
            }

            events = current.ToDictionary(e => (e.Instance, e.Name), e => e.Status);
            if (line != last)
            {
                progress.WriteLine($"{at} {id}  {line}");
                last = line;
            }

            if (WatchProgress.Traffic(info["traffic"]) is { } split && split != lastTraffic)
            {
                progress.WriteLine($"{at} {id}  {split}");
                lastTraffic = split;
            }

            if (alarmNames.Count > 0)
            {
                var states = WatchAlarms.States(await api.GetAsync("alarms", ct), alarmNames);
                foreach (var change in WatchAlarms.Changes(alarms, states))
                {
                    progress.WriteLine($"{at} {id}  {change}");
                }

                alarms = states.ToDictionary(a => a.Name, a => a.State, StringComparer.Ordinal);
            }

            if (status is "Succeeded" or "Failed" or "Stopped")
            {
                await PrintTargetsAsync(api, id, progress, ct);
                return info;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
        }
    }

    private static async Task PrintTargetsAsync(ApiConnection api, string id, TextWriter progress, CancellationToken ct)
    {
        foreach (var target in (await api.GetAsync($"deployments/{id}/targets", ct))["deploymentTargets"]!.AsArray())
        {
            var instance = target!["instanceTarget"]!;
            var failed = instance["lifecycleEvents"]!.AsArray().FirstOrDefault(e => e!["status"]!.GetValue<string>() == "Failed");
            var why = failed is null ? "" : $"  {failed["lifecycleEventName"]}: {failed["diagnostics"]?["errorCode"]} {failed["diagnostics"]?["message"]}";
            progress.WriteLine($"  {instance["targetId"],-20} {instance["status"],-10}{why}".TrimEnd());
        }
    }

    private static string TypeOf(string path) =>
        path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) ? "tgz"
        : path.EndsWith(".tar", StringComparison.OrdinalIgnoreCase) ? "tar" : "zip";

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine("greenlight deploy: " + message);
        return ExitCodes.UsageError;
    }
}
