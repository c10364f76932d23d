using System.Collections.Immutable;
using Greenlight.Core.Alarms;
using Greenlight.Core.Batching;
using Greenlight.Core.Deployments;
using Greenlight.Core.Lifecycle;
using Greenlight.Core.Traffic;

namespace Greenlight.Core.Tests.Deployments;

/// <summary>
/// Generates deployments and a random world around them: any plausible observation for the current state,
/// plus duplicates, late and junk reports, instance loss, alarms, stops, continues and time jumps.
/// </summary>
internal static class RandomWorld
{
    public static readonly DeploymentConfiguration[] Configurations =
    [
        DeploymentConfiguration.OneAtATime, DeploymentConfiguration.HalfAtATime, DeploymentConfiguration.AllAtOnce,
        TestConfigurations.HostCount("host2", 2),
        TestConfigurations.FleetPercent("pct40", 40),
        TestConfigurations.FleetPercent("pct75", 75),
    ];

    private static readonly TrafficSchedule[] Schedules =
    [
        TrafficSchedule.AllAtOnce, TrafficSchedule.Canary(10, TimeSpan.FromMinutes(5)), TrafficSchedule.Linear(25, TimeSpan.FromMinutes(1)),
    ];

    /// <summary>A spec from a handful of small integers, so CsCheck can generate and shrink it.</summary>
    public static DeploymentSpec Spec(int kind, int hosts, int config, int options)
    {
        var blueGreen = kind % 2 == 1;
        var spec = new DeploymentSpec("d-p", "rev-2", blueGreen ? DeploymentKind.BlueGreen : DeploymentKind.InPlace,
            Configurations[config % Configurations.Length], MachineDriver.Hosts(hosts))
        {
            WithTrafficControl = (options & 1) == 1,
            LastKnownGoodRevision = (options & 2) == 2 ? "rev-1" : null,
            IgnoreApplicationStopFailures = (options & 4) == 4,
            Alarms = new AlarmConfiguration(true, ["errors"], (options & 8) == 8),
            AutoRollback = (options & 16) == 16
                ? new AutoRollbackConfiguration(true, [AutoRollbackEvent.DeploymentFailure, AutoRollbackEvent.DeploymentStopOnAlarm])
                : AutoRollbackConfiguration.Disabled,
            WatchWindow = (options & 32) == 32 ? TimeSpan.FromMinutes(5) : TimeSpan.Zero,
        };

        if (!blueGreen)
        {
            return spec;
        }

        var green = (options & 64) == 64
            ? GreenFleetSource.DiscoverExisting(Enumerable.Range(1, Math.Max(hosts, 1)).Select(i => $"g-{i}"))
            : GreenFleetSource.CopyAutoScalingGroup("web", "2", Math.Max(hosts, 1));
        return spec with
        {
            BlueGreen = new BlueGreenOptions(green, Schedules[(options >> 7) % Schedules.Length],
                (options & 512) == 512 ? TimeSpan.FromMinutes(20) : null,
                (options & 1024) == 1024 ? null : TimeSpan.FromMinutes(3)),
        };
    }

    /// <summary>
    /// Every observation that could plausibly arrive now, valid or not; the first <c>Normal</c> of them are the world's
    /// normal answers (reports, provisioning, the due tick).
    /// </summary>
    public static (List<(Observation Observation, TimeSpan Delay)> All, int Normal) Candidates(DeploymentState state, IReadOnlyList<Observation> history, DateTimeOffset now)
    {
        var list = new List<(Observation, TimeSpan)>();
        foreach (var instance in state.Instances.Where(i => i.Status == InstanceStatus.InProgress))
        {
            var step = instance.CurrentStep!;
            switch (step.Event)
            {
                case LifecycleEvent.BlockTraffic:
                    list.Add((new TargetDrained(instance.InstanceId), TimeSpan.FromSeconds(2)));
                    break;
                case LifecycleEvent.AllowTraffic:
                    list.AddRange(Enumerable.Repeat<(Observation, TimeSpan)>((new TargetHealthChanged(instance.InstanceId, true), TimeSpan.FromSeconds(2)), 6));
                    list.Add((new TargetHealthChanged(instance.InstanceId, false), TimeSpan.FromSeconds(1)));
                    break;
                default:
                    list.Add((new EventStarted(instance.InstanceId, step.Event, instance.Attempt), TimeSpan.FromSeconds(1)));
                    // Success is weighted 12 to 1 against failure, so long plans can get through.
                    list.AddRange(Enumerable.Repeat<(Observation, TimeSpan)>((new EventCompleted(instance.InstanceId, step.Event, instance.Attempt, true), TimeSpan.FromSeconds(3)), 12));
                    list.Add((new EventCompleted(instance.InstanceId, step.Event, instance.Attempt, false, new InstanceDiagnostics("ScriptFailed", "exit 1")), TimeSpan.FromSeconds(3)));
                    break;
            }
        }

        if (state.Phase == DeploymentPhase.ProvisioningGreen)
        {
            list.Add((new GreenFleetProvisioned([.. Enumerable.Range(1, Math.Max(state.Spec.Instances.Length, 1)).Select(i => $"g-{i}")]), TimeSpan.FromSeconds(30)));
        }

        if (DeploymentMachine.WakeAt(state) is { } wake)
        {
            list.Add((new Tick(), wake > now ? wake - now : TimeSpan.Zero));
        }

        var normal = list.Count;
        list.Add((new Tick(), TimeSpan.FromMinutes(1)));
        list.Add((new AlarmChanged("errors", AlarmState.Alarm, "burst"), TimeSpan.Zero));
        list.Add((new AlarmChanged("errors", AlarmState.Ok), TimeSpan.Zero));
        list.Add((new ContinueRequested(ContinueKind.ReadyWait), TimeSpan.Zero));
        list.Add((new ContinueRequested(ContinueKind.TerminationWait), TimeSpan.Zero));
        list.Add((new InstanceLaunched("i-new"), TimeSpan.Zero));
        list.Add((new EventCompleted("i-unknown", LifecycleEvent.AfterInstall, 1, true), TimeSpan.Zero));
        if (state.Instances.Length > 0)
        {
            list.Add((new InstanceLost(state.Instances[history.Count % state.Instances.Length].InstanceId, "gone"), TimeSpan.Zero));
        }

        if (history.Count > 0)
        {
            list.Add((history[history.Count / 2], TimeSpan.Zero));
            list.Add((history[^1], TimeSpan.Zero));
        }

        list.Add((new StopRequested(history.Count % 2 == 0), TimeSpan.Zero));
        return (list, normal);
    }

    /// <summary>Picks an observation: nine times in ten a normal answer, so deployments get far; else anything at all.</summary>
    public static (Observation Observation, TimeSpan Delay) Pick((List<(Observation, TimeSpan)> All, int Normal) candidates, int choice) =>
        choice % 10 < 9 && candidates.Normal > 0
            ? candidates.All[choice / 10 % candidates.Normal]
            : candidates.All[choice % candidates.All.Count];

    public static ImmutableArray<int> Wave(DeploymentState state, InstanceRole role) =>
        [.. state.Instances.Select((i, index) => (i, index)).Where(p => p.i.Role == role).Select(p => p.index)];
}
