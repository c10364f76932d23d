namespace Greenlight.Cli.Tests.Commands.Scaling;

/// <summary>
/// <c>greenlight asg</c> against a real server. Groups are created with desired capacity 0, so no instance is launched:
/// these tests are about the verbs, not the fleet controller.
/// </summary>
public sealed class AsgCommandTests
{
    [Fact]
    public async Task Asg_CreateGetListUpdateDelete_RoundTrips()
    {
        await using var cli = await TemplateAsync();

        var created = cli.Run("asg", "create", "web-asg", "--launch-template", "web", "--min", "0", "--max", "3", "--desired", "0",
            "--health-check-grace", "30s", "--hook", "warmup:launch:5m:CONTINUE", "--tag", "team=web");
        var get = cli.Run("asg", "get", "web-asg");
        var updated = cli.Run("auto-scaling-group", "update", "web-asg", "--launch-template", "web:2", "--max", "4");
        var group = cli.Json("asg", "get", "web-asg")["autoScalingGroup"]!;
        var list = cli.Run("asg", "list");
        var listJson = cli.Json("asg", "list");
        var deleted = cli.Run("asg", "delete", "web-asg");

        Assert.Equal((0, "Created auto scaling group web-asg: web:$Default, min 0, max 3, desired 0\n"), (created.ExitCode, created.Stdout));
        Assert.Equal(
            [
                "Auto scaling group  web-asg",
                "Launch template     web:$Default",
                "Size                min 0, max 3, desired 0",
                "Instances           none",
                "Health check        AGENT, grace 30s",
                "Tags                team=web",
            ],
            get.Lines[..6]);
        Assert.Contains("warmup  launch      300s     CONTINUE  -", get.Lines);
        Assert.Equal(0, updated.ExitCode);
        Assert.Equal("Updated auto scaling group web-asg", updated.Lines[0]);
        Assert.Equal(("web", "2", 4), (group["launchTemplate"]!["launchTemplateName"]!.GetValue<string>(), group["launchTemplate"]!["version"]!.GetValue<string>(),
            group["maxSize"]!.GetValue<int>()));
        Assert.Equal(["NAME     LAUNCH TEMPLATE  MIN  MAX  DESIRED  INSTANCES", "web-asg  web:2            0    4    0        -"], list.Lines[..2]);
        Assert.Equal("web-asg", listJson["autoScalingGroups"]![0]!["autoScalingGroupName"]!.GetValue<string>());
        Assert.Equal((0, "Deleting auto scaling group web-asg: Delete in progress\n"), (deleted.ExitCode, deleted.Stdout));
    }

    [Fact]
    public async Task Asg_InstancesActivitiesAndHooks_OfAnEmptyGroup()
    {
        await using var cli = await GroupAsync();

        var instances = cli.Run("asg", "instances", "web-asg");
        var instancesJson = cli.Json("asg", "instances", "web-asg");
        var activities = cli.Run("asg", "activities", "web-asg");
        var put = cli.Run("asg", "put-hook", "web-asg", "drain", "--transition", "terminate", "--heartbeat-timeout", "2m", "--default-result", "CONTINUE");
        var hooks = cli.Json("asg", "get", "web-asg")["autoScalingGroup"]!["lifecycleHooks"]!.AsArray();
        var complete = cli.Run("asg", "complete-hook", "web-asg", "drain", "--instance", "web-asg-9", "--result", "CONTINUE");
        var deleted = cli.Run("asg", "delete-hook", "web-asg", "drain");
        var again = cli.Run("asg", "delete-hook", "web-asg", "drain");

        Assert.Equal("INSTANCE  STATE  HEALTH  ADDRESS  TEMPLATE  LAUNCHED  REASON\n", instances.Stdout);
        Assert.Empty(instancesJson["instances"]!.AsArray());
        Assert.Equal("STARTED  STATUS  DESCRIPTION  CAUSE\n", activities.Stdout);
        Assert.Equal((0, "Lifecycle hook drain of web-asg: terminate, timeout 120s, then CONTINUE\n"), (put.ExitCode, put.Stdout));
        var drain = Assert.Single(hooks);
        Assert.Equal(("autoscaling:EC2_INSTANCE_TERMINATING", 120), (drain!["lifecycleTransition"]!.GetValue<string>(), drain["heartbeatTimeout"]!.GetValue<int>()));
        Assert.Equal(1, complete.ExitCode);
        Assert.Equal("error: instance 'web-asg-9' is not in auto scaling group 'web-asg' (ValidationError)\n", complete.Stderr);
        Assert.Equal((0, "Deleted lifecycle hook drain of web-asg\n"), (deleted.ExitCode, deleted.Stdout));
        Assert.Equal(1, again.ExitCode);
    }

    [Fact]
    public async Task AsgScale_ToZeroWithWait_IsDoneAtOnce()
    {
        await using var cli = await GroupAsync();

        var result = cli.Run("asg", "scale", "web-asg", "0", "--wait");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Auto scaling group web-asg: desired capacity 0; waiting for 0 InService", "web-asg: 0 of 0 InService", ""], result.Lines);
    }

    [Fact]
    public async Task AsgScale_WaitLongerThanTimeout_ExitsOneSayingWhereItStands()
    {
        await using var cli = await GroupAsync("--hook", "hold:launch:1h");

        var result = cli.Run("asg", "scale", "web-asg", "1", "--wait", "--timeout", "1s");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: web-asg did not reach 1 InService within 1s: 0 of 1 InService", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asg_ServerRefusals_ExitOneWithItsMessage()
    {
        await using var cli = await GroupAsync();

        var sizes = cli.Run("asg", "update", "web-asg", "--min", "5");
        var beyond = cli.Run("asg", "scale", "web-asg", "9");
        var template = cli.Run("asg", "create", "other", "--launch-template", "nope", "--min", "0", "--max", "1");
        var missing = cli.Run("asg", "get", "nope");

        Assert.Equal((1, "error: minSize 5 and maxSize 3 must satisfy 0 <= minSize <= maxSize <= 50 (ValidationError)\n"), (sizes.ExitCode, sizes.Stderr));
        Assert.Equal((1, "error: desiredCapacity 9 must be between minSize 0 and maxSize 3 (ValidationError)\n"), (beyond.ExitCode, beyond.Stderr));
        Assert.Equal((1, "error: launch template 'nope' does not exist; create it first (ValidationError)\n"), (template.ExitCode, template.Stderr));
        Assert.Equal((1, "error: auto scaling group 'nope' does not exist (AutoScalingGroupDoesNotExistException)\n"), (missing.ExitCode, missing.Stderr));
    }

    [Theory]
    [InlineData(new[] { "asg", "create", "a", "--launch-template", "web", "--max", "1" }, "error: Option '--min' is required.")]
    [InlineData(new[] { "asg", "create", "a", "--min", "0", "--max", "1" }, "error: Option '--launch-template' is required.")]
    [InlineData(new[] { "asg", "create", "a", "--launch-template", "web:newest", "--min", "0", "--max", "1" },
        "error: --launch-template 'web:newest' must be TEMPLATE or TEMPLATE:VERSION with VERSION a number, $Latest or $Default")]
    [InlineData(new[] { "asg", "create", "a", "--launch-template", "web", "--min", "-1", "--max", "1" }, "error: --min '-1' must be a whole number, 0 or more")]
    [InlineData(new[] { "asg", "create", "a", "--launch-template", "web", "--min", "0", "--max", "1", "--hook", "warmup:boot" },
        "error: --hook 'warmup:boot' must be NAME:launch|terminate[:TIMEOUT[:CONTINUE|ABANDON]], e.g. warmup:launch:5m:CONTINUE")]
    [InlineData(new[] { "asg", "create", "a", "--launch-template", "web", "--min", "0", "--max", "1", "--health-check-grace", "3h" },
        "error: --health-check-grace '3h' must be a duration up to 2h, e.g. 30s, 5m or 1h30m")]
    [InlineData(new[] { "asg", "scale", "a", "many" }, "error: desired capacity 'many' must be a whole number, 0 or more")]
    [InlineData(new[] { "asg", "scale", "a", "2", "--timeout", "soon" }, "error: --timeout 'soon' must be a duration up to 24h, e.g. 30s, 5m or 1h30m")]
    [InlineData(new[] { "asg", "put-hook", "a", "h", "--transition", "reboot" }, "error: --transition 'reboot' must be launch or terminate")]
    [InlineData(new[] { "asg", "complete-hook", "a", "h", "--instance", "i", "--result", "MAYBE" }, "error: --result 'MAYBE' must be CONTINUE or ABANDON")]
    [InlineData(new[] { "asg", "complete-hook", "a", "h", "--result", "CONTINUE" }, "error: Option '--instance' is required.")]
    [InlineData(new[] { "asg", "resize", "a" }, "error: unexpected argument 'resize' (greenlight asg create|list|get|update|scale|delete|instances|activities|put-hook|delete-hook|complete-hook; see --help)")]
    public void Asg_BadCommandLine_ExitsTwoNamingTheOption(string[] args, string expected)
    {
        var result = CliRunner.Run(args);

        Assert.Equal((2, expected), (result.ExitCode, result.Stderr.TrimEnd()));
    }

    [Fact]
    public async Task GroupCreate_WithAsgAndTerminationHook_SelectsTheGroupAndInstallsItsHooks()
    {
        await using var cli = await GroupAsync();
        cli.Run("application", "create", "app");

        var created = cli.Run("group", "create", "--app", "app", "fleet", "--asg", "web-asg", "--termination-hook");
        var get = cli.Run("group", "get", "--app", "app", "fleet");
        var hooks = cli.Json("asg", "get", "web-asg")["autoScalingGroup"]!["lifecycleHooks"]!.AsArray().Select(h => h!["managedBy"]?.GetValue<string>());
        var missing = cli.Run("group", "create", "--app", "app", "other", "--asg", "nope");

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("Selection         auto scaling web-asg", get.Lines);
        Assert.Contains("Termination hook  enabled", get.Lines);
        Assert.Equal(["app/fleet", "app/fleet"], hooks);
        Assert.Equal((1, "error: autoScalingGroups: auto scaling group 'nope' does not exist; create it first (InvalidAutoScalingGroupException)\n"),
            (missing.ExitCode, missing.Stderr));
    }

    [Fact]
    public async Task Asg_TargetGroupAttachment_IsShownReplacedAndCheckedByTheServer()
    {
        await using var cli = await TemplateAsync();
        cli.Run("tg", "create", "web", "--port", "8080");
        cli.Run("tg", "create", "api", "--port", "9000");

        var created = cli.Run("asg", "create", "web-asg", "--launch-template", "web", "--min", "0", "--max", "2", "--desired", "0", "--target-group", "web");
        var get = cli.Run("asg", "get", "web-asg");
        var updated = cli.Run("asg", "update", "web-asg", "--target-group", "web", "--target-group", "api");
        var names = cli.Json("asg", "get", "web-asg")["autoScalingGroup"]!["targetGroupNames"]!.AsArray().Select(n => n!.GetValue<string>());
        var unknown = cli.Run("asg", "update", "web-asg", "--target-group", "nope");

        Assert.Equal(0, created.ExitCode);
        Assert.Equal("Target groups       web", get.Line("Target groups"));
        Assert.Equal(0, updated.ExitCode);
        Assert.Equal(["web", "api"], names);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("targetGroupNames[0] 'nope' does not exist; create the target group first", unknown.Stderr, StringComparison.Ordinal);
    }

    private static async Task<ServerCli> TemplateAsync()
    {
        var cli = await ServerCli.StartAsync();
        Assert.Equal(0, cli.Run("launch-template", "create", "web", "--tag", "role=web").ExitCode);
        Assert.Equal(0, cli.Run("launch-template", "create-version", "web", "--poll-wait", "2s").ExitCode);
        return cli;
    }

    private static async Task<ServerCli> GroupAsync(params string[] extra)
    {
        var cli = await TemplateAsync();
        var created = cli.Run(["asg", "create", "web-asg", "--launch-template", "web", "--min", "0", "--max", "3", "--desired", "0", .. extra]);
        Assert.True(created.ExitCode == 0, created.Stderr);
        return cli;
    }
}
