using System.Collections.Immutable;

namespace Greenlight.Core.Lifecycle;

/// <summary>
/// The ordered lifecycle steps an instance runs in each scenario (codedeploy-semantics §2.2), with who runs each step
/// and which revision's scripts it uses (§2.1):
/// <list type="bullet">
/// <item>ApplicationStop, BeforeBlockTraffic and AfterBlockTraffic read the <b>last successful install</b>: the current
/// archive does not exist yet when they run.</item>
/// <item>Install and the hooks from BeforeInstall on read the <b>current revision</b>.</item>
/// <item>Blue/green rollback: originals' allow-traffic hooks read the last successful install; replacements'
/// block-traffic hooks read the <b>most recent install</b>.</item>
/// </list>
/// </summary>
public static class LifecyclePlans
{
    private const ScriptSource Last = ScriptSource.LastSuccessfulInstall;
    private const ScriptSource Current = ScriptSource.CurrentRevision;

    private static readonly ImmutableArray<LifecycleStep> BlockTraffic =
        [Hook(LifecycleEvent.BeforeBlockTraffic, Last), Service(LifecycleEvent.BlockTraffic), Hook(LifecycleEvent.AfterBlockTraffic, Last)];

    private static readonly ImmutableArray<LifecycleStep> Install =
    [
        Hook(LifecycleEvent.ApplicationStop, Last),
        new(LifecycleEvent.DownloadBundle, LifecycleStepRunner.Agent, ScriptSource.None),
        Hook(LifecycleEvent.BeforeInstall, Current),
        new(LifecycleEvent.Install, LifecycleStepRunner.Agent, Current),
        Hook(LifecycleEvent.AfterInstall, Current),
        Hook(LifecycleEvent.ApplicationStart, Current),
        Hook(LifecycleEvent.ValidateService, Current),
    ];

    private static readonly ImmutableArray<LifecycleStep> AllowTraffic = AllowTrafficFrom(Current);

    /// <summary>The steps of <paramref name="scenario"/>, in the order they run.</summary>
    public static ImmutableArray<LifecycleStep> For(LifecycleScenario scenario) => scenario switch
    {
        LifecycleScenario.InPlace => [Service(LifecycleEvent.Start), .. Install, Service(LifecycleEvent.End)],
        LifecycleScenario.InPlaceWithLoadBalancer =>
            [Service(LifecycleEvent.Start), .. BlockTraffic, .. Install, .. AllowTraffic, Service(LifecycleEvent.End)],
        LifecycleScenario.BlueGreenReplacement => [.. Install, .. AllowTraffic],
        LifecycleScenario.BlueGreenOriginal => BlockTraffic,
        LifecycleScenario.BlueGreenRollbackOriginal => AllowTrafficFrom(Last),
        LifecycleScenario.BlueGreenRollbackReplacement => [.. BlockTraffic.Select(s => s.RunsUserScripts ? s with { Scripts = ScriptSource.MostRecentInstall } : s)],
        LifecycleScenario.AutoScalingLaunch => [.. Install, .. AllowTraffic],
        LifecycleScenario.AutoScalingTermination =>
            [Service(LifecycleEvent.Start), .. BlockTraffic, Hook(LifecycleEvent.ApplicationStop, Last), Service(LifecycleEvent.End)],
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Not a LifecycleScenario."),
    };

    private static ImmutableArray<LifecycleStep> AllowTrafficFrom(ScriptSource scripts) =>
        [Hook(LifecycleEvent.BeforeAllowTraffic, scripts), Service(LifecycleEvent.AllowTraffic), Hook(LifecycleEvent.AfterAllowTraffic, scripts)];

    private static LifecycleStep Hook(LifecycleEvent e, ScriptSource scripts) => new(e, LifecycleStepRunner.Scripts, scripts);

    private static LifecycleStep Service(LifecycleEvent e) => new(e, LifecycleStepRunner.Service, ScriptSource.None);
}
