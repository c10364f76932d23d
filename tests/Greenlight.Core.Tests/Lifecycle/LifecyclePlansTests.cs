using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Tests.Lifecycle;

public sealed class LifecyclePlansTests
{
    // Notation per step: Event:Runner/Source with S = Service, A = Agent, H = hook scripts;
    // - = None, C = CurrentRevision, L = LastSuccessfulInstall, M = MostRecentInstall (codedeploy-semantics §2.1-2.2).
    public static TheoryData<LifecycleScenario, string> Plans => new()
    {
        {
            LifecycleScenario.InPlace,
            "Start:S/- ApplicationStop:H/L DownloadBundle:A/- BeforeInstall:H/C Install:A/C AfterInstall:H/C ApplicationStart:H/C ValidateService:H/C End:S/-"
        },
        {
            LifecycleScenario.InPlaceWithLoadBalancer,
            "Start:S/- BeforeBlockTraffic:H/L BlockTraffic:S/- AfterBlockTraffic:H/L ApplicationStop:H/L DownloadBundle:A/- " +
            "BeforeInstall:H/C Install:A/C AfterInstall:H/C ApplicationStart:H/C ValidateService:H/C " +
            "BeforeAllowTraffic:H/C AllowTraffic:S/- AfterAllowTraffic:H/C End:S/-"
        },
        {
            LifecycleScenario.BlueGreenReplacement,
            "ApplicationStop:H/L DownloadBundle:A/- BeforeInstall:H/C Install:A/C AfterInstall:H/C ApplicationStart:H/C ValidateService:H/C " +
            "BeforeAllowTraffic:H/C AllowTraffic:S/- AfterAllowTraffic:H/C"
        },
        { LifecycleScenario.BlueGreenOriginal, "BeforeBlockTraffic:H/L BlockTraffic:S/- AfterBlockTraffic:H/L" },
        { LifecycleScenario.BlueGreenRollbackOriginal, "BeforeAllowTraffic:H/L AllowTraffic:S/- AfterAllowTraffic:H/L" },
        { LifecycleScenario.BlueGreenRollbackReplacement, "BeforeBlockTraffic:H/M BlockTraffic:S/- AfterBlockTraffic:H/M" },
        {
            LifecycleScenario.AutoScalingLaunch,
            "ApplicationStop:H/L DownloadBundle:A/- BeforeInstall:H/C Install:A/C AfterInstall:H/C ApplicationStart:H/C ValidateService:H/C " +
            "BeforeAllowTraffic:H/C AllowTraffic:S/- AfterAllowTraffic:H/C"
        },
        {
            LifecycleScenario.AutoScalingTermination,
            "Start:S/- BeforeBlockTraffic:H/L BlockTraffic:S/- AfterBlockTraffic:H/L ApplicationStop:H/L End:S/-"
        },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void For_Scenario_ExactOrderedSteps(LifecycleScenario scenario, string expected) =>
        Assert.Equal(expected, string.Join(" ", LifecyclePlans.For(scenario).Select(Describe)));

    [Fact]
    public void For_EveryScenario_HasAPlan() =>
        Assert.All(Enum.GetValues<LifecycleScenario>(), s => Assert.NotEmpty(LifecyclePlans.For(s)));

    [Fact]
    public void For_EveryScenario_StepsAreInCanonicalOrderAndRunnersAgreeWithEventInfo() =>
        Assert.All(Enum.GetValues<LifecycleScenario>(), s =>
        {
            var steps = LifecyclePlans.For(s);
            Assert.Equal(steps.Select(x => x.Event).Order(), steps.Select(x => x.Event));
            Assert.All(steps, x => Assert.Equal(LifecycleEventInfo.RunnerOf(x.Event), x.RunBy));
            Assert.All(steps, x => Assert.Equal(LifecycleEventInfo.IsScriptable(x.Event), x.RunsUserScripts));
        });

    [Fact]
    public void IsScriptable_ExactlyTheHookEvents() =>
        Assert.Equal(
            [
                LifecycleEvent.BeforeBlockTraffic, LifecycleEvent.AfterBlockTraffic, LifecycleEvent.ApplicationStop,
                LifecycleEvent.BeforeInstall, LifecycleEvent.AfterInstall, LifecycleEvent.ApplicationStart,
                LifecycleEvent.ValidateService, LifecycleEvent.BeforeAllowTraffic, LifecycleEvent.AfterAllowTraffic,
            ],
            LifecycleEventInfo.Scriptable);

    private static string Describe(LifecycleStep step)
    {
        var runner = step.RunBy switch
        {
            LifecycleStepRunner.Service => "S",
            LifecycleStepRunner.Agent => "A",
            _ => "H",
        };
        var source = step.Scripts switch
        {
            ScriptSource.CurrentRevision => "C",
            ScriptSource.LastSuccessfulInstall => "L",
            ScriptSource.MostRecentInstall => "M",
            _ => "-",
        };
        return $"{step.Event}:{runner}/{source}";
    }
}
