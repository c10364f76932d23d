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

    private static string Body(bool update, DeploymentStyle? current, params string[] args)
    {
        var options = new GroupOptions();
        var command = new RootCommand();
        options.AddTo(command);
        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        return System.Text.Json.JsonSerializer.Serialize(options.Body(parse, update ? null : "prod", current, update), Contracts.WireJson.Options);
    }
}
