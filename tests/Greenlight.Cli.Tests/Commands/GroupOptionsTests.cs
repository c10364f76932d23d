using System.CommandLine;
using Greenlight.Cli.Commands.Resources;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Tests.Commands;

/// <summary>The request body <c>group create|update</c> sends: only the options given, style halves merged with the current style.</summary>
public sealed class GroupOptionsTests
{
    [Fact]
    public void Body_AsgsAndTerminationHook_AreSentAsTheContractNamesThem()
    {
        var body = Body(false, null, "--asg", "web-a", "--asg", "web-b", "--termination-hook");

        Assert.Equal("""{"deploymentGroupName":"prod","autoScalingGroups":["web-a","web-b"],"terminationHookEnabled":true}""", body);
    }

    [Fact]
    public void Body_TerminationHookFalse_TurnsItOff()
    {
        Assert.Equal("""{"deploymentGroupName":"prod","terminationHookEnabled":false}""", Body(false, null, "--termination-hook", "false"));
    }

    [Fact]
    public void Body_UpdateOfTrafficControlOnly_KeepsTheCurrentDeploymentType()
    {
        var body = Body(true, new DeploymentStyle("BLUE_GREEN", "WITHOUT_TRAFFIC_CONTROL"), "--traffic-control");

        Assert.Equal("""{"deploymentStyle":{"deploymentType":"BLUE_GREEN","deploymentOption":"WITH_TRAFFIC_CONTROL"}}""", body);
    }

    [Fact]
    public void Body_UpdateWithNothing_SendsNothingSoTheServerKeepsEverything()
    {
        Assert.Equal("{}", Body(true, null));
    }

    [Fact]
    public void Body_AutoRollbackOff_DisablesIt()
    {
        Assert.Equal("""{"deploymentGroupName":"prod","autoRollbackConfiguration":{"enabled":false,"events":[]}}""", Body(false, null, "--auto-rollback", "off"));
    }

    [Fact]
    public void Body_BlueGreenOptions_AreSentAsTheContractNamesThem()
    {
        var body = Body(false, null, "--style", "blue-green", "--target-group", "tg-a", "--target-group", "tg-b", "--traffic", "linear:10:1m", "--ready-wait", "90s", "--keep-blue", "--green-fleet", "copy");

        Assert.Equal("""{"deploymentGroupName":"prod","deploymentStyle":{"deploymentType":"BLUE_GREEN","deploymentOption":"WITH_TRAFFIC_CONTROL"},"loadBalancerInfo":{"targetGroupInfoList":[{"name":"tg-a"},{"name":"tg-b"}]},"blueGreenDeploymentConfiguration":{"terminateBlueInstancesOnDeploymentSuccess":{"action":"KEEP_ALIVE"},"deploymentReadyOption":{"actionOnTimeout":"STOP_DEPLOYMENT","waitTimeInSeconds":90},"greenFleetProvisioningOption":{"action":"COPY_AUTO_SCALING_GROUP"}},"trafficRouting":"linear:10:1m"}""", body);
    }

    [Fact]
    public void Body_UpdateOfTheTerminationWaitOnly_KeepsTheCurrentReadyOption()
    {
        var current = new BlueGreenDeploymentConfiguration(new BlueInstanceTerminationOption("KEEP_ALIVE", null), new DeploymentReadyOption("STOP_DEPLOYMENT", 5));

        var body = Body(true, null, current, "--termination-wait", "2m");

        Assert.Equal("""{"blueGreenDeploymentConfiguration":{"terminateBlueInstancesOnDeploymentSuccess":{"action":"TERMINATE","terminationWaitTimeInSeconds":120},"deploymentReadyOption":{"actionOnTimeout":"STOP_DEPLOYMENT","waitTimeInMinutes":5}}}""", body);
    }

    [Fact]
    public void Body_ReadyWaitOffAndTrafficOff_ContinueAtOnceAndClearTheSchedule()
    {
        Assert.Equal("""{"blueGreenDeploymentConfiguration":{"deploymentReadyOption":{"actionOnTimeout":"CONTINUE_DEPLOYMENT"}},"trafficRouting":""}""",
            Body(true, null, "--ready-wait", "off", "--traffic", "off"));
    }

    private static string Body(bool update, DeploymentStyle? current, params string[] args) => Body(update, current, null, args);

    private static string Body(bool update, DeploymentStyle? current, BlueGreenDeploymentConfiguration? currentBlueGreen, params string[] args)
    {
        var options = new GroupOptions();
        var command = new RootCommand();
        options.AddTo(command);
        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        return System.Text.Json.JsonSerializer.Serialize(options.Body(parse, update ? null : "prod", current, update, currentBlueGreen), Contracts.WireJson.Options);
    }
}
