using System.Text.Json.Nodes;
using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands;

/// <summary>Blue/green on the command line against a real server: group options, deploy's --traffic, deployment continue.</summary>
public sealed class BlueGreenCommandTests
{
    [Fact]
    public async Task GroupCreateAndUpdate_BlueGreenOptions_AreStoredAndMergedWithWhatIsThere()
    {
        await using var cli = await StartAsync();

        var created = cli.Run("group", "create", "--app", "web", "bg", "--style", "blue-green", "--tag-filter", "color=blue", "--target-group", "tg-web",
            "--traffic", "canary:10:5m", "--ready-wait", "30m", "--termination-wait", "90s", "--green-fleet", "discover");
        var updated = cli.Run("group", "update", "--app", "web", "bg", "--keep-blue");
        var info = cli.Json("group", "get", "--app", "web", "bg")["deploymentGroupInfo"]!;
        var shown = cli.Run("group", "get", "--app", "web", "bg");
        var config = info["blueGreenDeploymentConfiguration"]!;

        Assert.True(created.ExitCode == 0, created.Stdout + created.Stderr);
        Assert.True(updated.ExitCode == 0, updated.Stdout + updated.Stderr);
        Assert.Equal("BLUE_GREEN", info["deploymentStyle"]!["deploymentType"]!.GetValue<string>());
        Assert.Equal("WITH_TRAFFIC_CONTROL", info["deploymentStyle"]!["deploymentOption"]!.GetValue<string>());
        Assert.Equal("tg-web", info["loadBalancerInfo"]!["targetGroupInfoList"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("canary:10:5m", info["trafficRouting"]!.GetValue<string>());
        Assert.Equal("STOP_DEPLOYMENT", config["deploymentReadyOption"]!["actionOnTimeout"]!.GetValue<string>());
        Assert.Equal(1800, config["deploymentReadyOption"]!["waitTimeInSeconds"]!.GetValue<double>());
        Assert.Equal("KEEP_ALIVE", config["terminateBlueInstancesOnDeploymentSuccess"]!["action"]!.GetValue<string>());
        Assert.Equal("DISCOVER_EXISTING", config["greenFleetProvisioningOption"]!["action"]!.GetValue<string>());
        Assert.Contains(shown.Lines, l => l.StartsWith("Blue/green", StringComparison.Ordinal) && l.EndsWith("green discovered per deployment; waits 30m for continue; blue kept alive", StringComparison.Ordinal));
        Assert.Contains(shown.Lines, l => l.StartsWith("Target groups", StringComparison.Ordinal) && l.EndsWith("tg-web", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GroupCreate_BlueGreenWithoutTargetGroup_IsRefusedNamingTheField()
    {
        await using var cli = await StartAsync();

        var result = cli.Run("group", "create", "--app", "web", "bg", "--style", "blue-green", "--asg", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("autoScalingGroups: auto scaling group 'nope' does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "deploy", "--app", "web", "--group", "bg", "--revision", "abc", "--traffic", "canary:200:5m" }, "greenlight deploy: --traffic TimeBasedCanary percentage must be a whole number from 1 to 99")]
    [InlineData(new[] { "group", "create", "--app", "web", "bg", "--keep-blue", "--termination-wait", "5m" }, "--keep-blue and --termination-wait cannot be used together")]
    [InlineData(new[] { "group", "create", "--app", "web", "bg", "--ready-wait", "soon" }, "--ready-wait 'soon' must be off or a duration")]
    [InlineData(new[] { "group", "create", "--app", "web", "bg", "--style", "sideways" }, "--type 'sideways' must be")]
    public void BadBlueGreenOptions_AreOneLineAndExitTwo(string[] args, string expected)
    {
        var result = CliRunner.Run([.. args, "--server", "http://127.0.0.1:9", "--token", "t"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeploymentContinue_AReadyBlueGreenDeployment_MovesItOn_AndASecondContinueIsRefused()
    {
        await using var cli = await StartAsync();
        var server = cli.Server;
        Assert.Equal(0, cli.Run("group", "create", "--app", "web", "bg", "--style", "blue-green", "--tag-filter", "color=blue", "--target-group", "tg-web",
            "--ready-wait", "10m", "--green-fleet", "discover").ExitCode);
        await server.Admin.PutAsync("/api/v1/instances/b-1", new { tags = new[] { new { Key = "color", Value = "blue" } } });
        await server.Admin.PutAsync("/api/v1/instances/g-1", new { tags = new[] { new { Key = "color", Value = "green" } } });
        using var bundle = new TempDirectory("gl-bundle");
        File.WriteAllText(Path.Combine(bundle.Path, "appspec.yml"), "version: 0.0\nos: linux\n");
        var deployed = cli.Json("deploy", "--app", "web", "--group", "bg", "--bundle", bundle.Path, "--traffic", "linear:50:1m", "--green-tag-filter", "color=green");
        var id = deployed["deploymentId"]!.GetValue<string>();
        var agent = new ScriptedAgent(server.Admin, ["g-1"]);
        await agent.RunUntilAsync(async () => await StatusAsync(server, id) == "Ready", TimeSpan.FromSeconds(60));

        var info = (await server.Admin.GetAsync($"/api/v1/deployments/{id}")).Body!["deploymentInfo"]!;
        var continued = cli.Run("deployment", "continue", id);
        var after = (await server.Admin.GetAsync($"/api/v1/deployments/{id}")).Body!["deploymentInfo"]!;
        var again = cli.Run("deployment", "continue", id);

        Assert.Equal("linear:50:1m", info["traffic"]!["schedule"]!.GetValue<string>());
        Assert.Equal((100, 0, 0, 2), (info["traffic"]!["blueWeight"]!.GetValue<int>(), info["traffic"]!["greenWeight"]!.GetValue<int>(), info["traffic"]!["step"]!.GetValue<int>(), info["traffic"]!["steps"]!.GetValue<int>()));
        Assert.True(continued.ExitCode == 0, continued.Stdout + continued.Stderr);
        Assert.Equal($"{id}: continued (READY_WAIT)", continued.Stdout.Trim());
        Assert.Equal("AllowingGreen", after["phase"]!.GetValue<string>());
        Assert.Equal(1, again.ExitCode);
        Assert.StartsWith("greenlight deployment continue: ", again.Stderr, StringComparison.Ordinal);
    }

    private static async Task<string> StatusAsync(TestServer server, string id) =>
        (await server.Admin.GetAsync($"/api/v1/deployments/{id}")).Body!["deploymentInfo"]!["status"]!.GetValue<string>();

    /// <summary>A server with application web and target group tg-web.</summary>
    private static async Task<ServerCli> StartAsync()
    {
        var cli = await ServerCli.StartAsync();
        await cli.Server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" });
        Assert.Equal(201, (await cli.Server.Admin.PostAsync("/api/v1/target-groups", new { targetGroupName = "tg-web", port = 8080 })).Status);
        return cli;
    }
}
