using System.Text.Json.Nodes;
using Greenlight.Cli.Commands.Resources;
using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;

namespace Greenlight.Cli.Tests.Commands;

/// <summary><c>greenlight instance</c> against a real server.</summary>
public sealed class InstanceCommandTests
{
    [Fact]
    public async Task Instance_RegisterListGetDeregister_ShowsTagsHealthAndRevision()
    {
        await using var cli = await ServerCli.StartAsync();
        var registered = cli.Run("instance", "register", "web-1", "--tag", "role=web", "--tag", "env=prod");
        cli.Run("instance", "register", "web-2");
        await HealthAsync(cli, "web-1", new InstanceHealthInfo("Healthy", "0123456789abcdef0123", "d-ABCDEFGHI", DateTimeOffset.UnixEpoch));

        var list = cli.Run("instance", "list");
        var json = cli.Json("instance", "list");
        var get = cli.Run("instance", "get", "web-1");
        var deregistered = cli.Run("instance", "deregister", "web-2");
        var gone = cli.Run("instance", "get", "web-2");

        Assert.Equal((0, "Registered instance web-1 role=web,env=prod\n"), (registered.ExitCode, registered.Stdout));
        Assert.Equal(
            [
                "NAME   TAGS               HEALTH   REVISION      ASG  LIFECYCLE",
                "web-1  role=web,env=prod  Healthy  0123456789ab  -    -",
                "web-2  -                  Unknown  -             -    -",
                "",
            ],
            list.Lines);
        Assert.Equal("Healthy", json["instances"]![0]!["instanceHealth"]!["status"]!.GetValue<string>());
        Assert.Equal(["web-1", "web-2"], json["instanceNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("Revision         0123456789abcdef0123", get.Lines);
        Assert.Contains("Last deployment  d-ABCDEFGHI", get.Lines);
        Assert.Equal((0, "Deregistered instance web-2\n"), (deregistered.ExitCode, deregistered.Stdout));
        Assert.Equal((1, "error: instance 'web-2' is not registered (InstanceNotRegisteredException)\n"), (gone.ExitCode, gone.Stderr));
    }

    [Theory]
    [InlineData(new[] { "instance", "register", "web-1", "--tag", "role" }, "error: --tag 'role' must be KEY=VALUE")]
    [InlineData(new[] { "instance", "register", "web-1", "--tag", "=web" }, "error: --tag '=web' must be KEY=VALUE")]
    [InlineData(new[] { "instance", "deregister" }, "error: Required argument missing for command: 'deregister'.")]
    public void Instance_BadCommandLine_ExitsTwoNamingTheOption(string[] args, string expected)
    {
        var result = CliRunner.Run(args);

        Assert.Equal((2, expected), (result.ExitCode, result.Stderr.TrimEnd()));
    }

    [Fact]
    public async Task InstanceRegister_TooManyTags_ExitsOneWithTheServersMessage()
    {
        await using var cli = await ServerCli.StartAsync();

        var result = cli.Run(["instance", "register", "web-1", .. Enumerable.Range(1, 11).SelectMany(i => new[] { "--tag", $"k{i}=v" })]);

        Assert.Equal((1, "error: an instance has at most 10 tags (InstanceLimitExceededException)\n"), (result.ExitCode, result.Stderr));
    }

    [Fact]
    public void ScalingStates_GroupsWithInstances_MapsEachInstanceIdToItsGroupAndState()
    {
        var answer = JsonNode.Parse("""
            {"autoScalingGroups":[
              {"autoScalingGroupName":"web-asg","instances":[
                {"instanceId":"i-1","autoScalingGroupName":"web-asg","lifecycleState":"InService"},
                {"instanceId":"i-2","autoScalingGroupName":"web-asg","lifecycleState":"Pending:Wait"}]},
              {"autoScalingGroupName":"empty","instances":[]}]}
            """)!;

        var states = InstanceCommand.ScalingStates(answer);

        Assert.Equal(new InstanceCommand.ScalingState("web-asg", "InService"), states["i-1"]);
        Assert.Equal(new InstanceCommand.ScalingState("web-asg", "Pending:Wait"), states["i-2"]);
        Assert.Equal(2, states.Count);
    }

    private static Task HealthAsync(ServerCli cli, string instance, InstanceHealthInfo health) =>
        cli.Server.Store.PutResourceAsync(InstanceHealthInfo.Kind, instance, System.Text.Json.JsonSerializer.Serialize(health, Contracts.WireJson.Options), 0,
            new AuditEntry(DateTimeOffset.UnixEpoch, "test", "RecordInstanceHealth", instance, ""), CancellationToken.None);
}
