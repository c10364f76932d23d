using System.Collections.Immutable;
using System.Globalization;
using Greenlight.Core.Batching;
using Greenlight.Core.Deployments;
using Greenlight.Core.Traffic;

namespace Greenlight.Cli.Commands.Plan;

/// <summary>
/// A blue/green plan: the rehearsal of the deployment through the real decision machine, told as the moments
/// where something visible happens (green created, phases, weight changes, blue retired, rollback).
/// </summary>
internal sealed record BlueGreenTimeline(DeploymentSpec Spec, ImmutableArray<BlueGreenTimeline.Entry> Entries, DeploymentState Final)
{
    internal sealed record Entry(TimeSpan At, string What);

    private const string RehearsedAlarm = "rehearsed-alarm";

    public static BlueGreenTimeline Rehearse(DeploymentConfiguration config, int instances, IReadOnlyCollection<int> failing, BlueGreenOptionsBinder.Request request)
    {
        var spec = new DeploymentSpec("plan", "new-revision", DeploymentKind.BlueGreen, config,
            [.. Enumerable.Range(1, instances).Select(i => new TargetInstance("blue-" + i.ToString(CultureInfo.InvariantCulture)))])
        {
            BlueGreen = request.Options,
            WatchWindow = request.WatchWindow,
            WithTrafficControl = true,
            LastKnownGoodRevision = "current-revision",
            Alarms = new Core.Alarms.AlarmConfiguration(request.AlarmAt is not null, [RehearsedAlarm], false),
            AutoRollback = new AutoRollbackConfiguration(true, [AutoRollbackEvent.DeploymentFailure, AutoRollbackEvent.DeploymentStopOnAlarm]),
        };
        var script = new RehearsalScript(
            [.. failing.Select(DeploymentRehearsal.GreenId)], Alarm: RehearsedAlarm, AlarmAt: request.AlarmAt, ContinueAfter: request.ContinueAfter);
        var steps = DeploymentRehearsal.Run(spec, script, DateTimeOffset.UnixEpoch);
        return new BlueGreenTimeline(spec, [.. Tell(steps)], steps[^1].Decision.Next);
    }

    private static IEnumerable<Entry> Tell(ImmutableArray<RehearsalStep> steps)
    {
        var phase = DeploymentPhase.NotStarted;
        foreach (var step in steps)
        {
            var next = step.Decision.Next;
            if (step.Observation is AlarmChanged alarm)
            {
                yield return new Entry(step.At, $"alarm {alarm.Alarm} goes into ALARM");
            }

            foreach (var command in step.Decision.Commands)
            {
                if (command is PublishStatus { Status: DeploymentStatus.Succeeded } && next.Spec.BlueGreen!.KeepsBlueAlive)
                {
                    // KEEP_ALIVE ends the deployment in the same decision that enters the wait, so say it here.
                    yield return new Entry(step.At, "keep blue alive (KEEP_ALIVE): the original instances are not terminated");
                }

                if (Describe(command) is { } what)
                {
                    yield return new Entry(step.At, what);
                }
            }

            if (next.Phase != phase)
            {
                phase = next.Phase;
                if (DescribePhase(next) is { } what)
                {
                    yield return new Entry(step.At, what);
                }
            }
        }
    }

    private static string? Describe(Command command) => command switch
    {
        ProvisionGreenFleet p => $"create green: {p.Count} instances, a copy of the blue scaling group with launch template {p.LaunchTemplateVersion}",
        SetTrafficWeights w when w.Key.EndsWith("/rollback", StringComparison.Ordinal) => "traffic back on blue at once: blue 100 % / green 0 %",
        SetTrafficWeights w => $"traffic: blue {w.BlueWeight} % / green {w.GreenWeight} %",
        TerminateInstances t => $"terminate {t.InstanceIds.Length} original instances",
        StartRollbackDeployment r => $"start rollback deployment: allow traffic on blue, block it on green, retire {r.Replacements.Length} green instances",
        PublishStatus { Status: DeploymentStatus.Succeeded or DeploymentStatus.Failed or DeploymentStatus.Stopped } s =>
            $"{s.Status}{(s.Failure is { } f ? $": {f.Code.ToWireName()} ({f.Message})" : "")}",
        _ => null,
    };

    private static string? DescribePhase(DeploymentState state) => state.Phase switch
    {
        DeploymentPhase.InstallingGreen => "install on green, without traffic (ApplicationStop .. ValidateService)",
        DeploymentPhase.WaitingForContinue => $"green ready: wait up to {TrafficScheduleParser.FormatDuration(state.Spec.BlueGreen!.ReadyWait!.Value)} for `greenlight deployment continue` (the plan continues at once)",
        DeploymentPhase.AllowingGreen => "allow traffic on green at weight 0 (BeforeAllowTraffic, AllowTraffic, AfterAllowTraffic)",
        DeploymentPhase.BlockingBlue => "block traffic on blue (BeforeBlockTraffic, BlockTraffic with draining, AfterBlockTraffic)",
        DeploymentPhase.Watching => $"watch alarms for {TrafficScheduleParser.FormatDuration(state.Spec.WatchWindow)} before the revision counts as known-good",
        DeploymentPhase.WaitingToTerminate when state.Spec.BlueGreen!.KeepsBlueAlive => null,
        DeploymentPhase.WaitingToTerminate => $"wait {TrafficScheduleParser.FormatDuration(state.Spec.BlueGreen!.TerminationWait!.Value)} before terminating blue",
        _ => null,
    };
}
