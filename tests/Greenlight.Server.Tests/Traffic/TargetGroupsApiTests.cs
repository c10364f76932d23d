using Greenlight.Testing;

namespace Greenlight.Server.Tests.Traffic;

/// <summary>Target groups through the API: lifecycle, validation naming fields, targets that must exist, deletion while in use.</summary>
public sealed class TargetGroupsApiTests
{
    [Fact]
    public async Task CreateGetListUpdateDelete_RoundTrip_KeepsUnchangedFields()
    {
        await using var server = await TestServer.StartAsync();

        var (created, body) = await server.Admin.PostAsync("/api/v1/target-groups", new { targetGroupName = "tg", port = 8080 });
        var (updateStatus, updated) = await server.Admin.PutAsync("/api/v1/target-groups/tg", new { algorithm = "least_outstanding_requests", deregistrationDelaySeconds = 5 });
        var (_, list) = await server.Admin.GetAsync("/api/v1/target-groups");
        var (again, _) = await server.Admin.PostAsync("/api/v1/target-groups", new { targetGroupName = "tg", port = 8080 });
        var (deleted, _) = await server.Admin.DeleteAsync("/api/v1/target-groups/tg");
        var (missing, gone) = await server.Admin.GetAsync("/api/v1/target-groups/tg");

        Assert.Equal(201, created);
        var group = body!["targetGroup"]!;
        Assert.Equal("round_robin", group["algorithm"]!.GetValue<string>());
        Assert.Equal(300, group["deregistrationDelaySeconds"]!.GetValue<double>());
        Assert.Equal("/", group["healthCheck"]!["path"]!.GetValue<string>());
        Assert.Equal(0, group["greenWeight"]!.GetValue<int>());
        Assert.Equal(200, updateStatus);
        Assert.Equal(8080, updated!["targetGroup"]!["port"]!.GetValue<int>());
        Assert.Equal("least_outstanding_requests", updated["targetGroup"]!["algorithm"]!.GetValue<string>());
        Assert.Equal(5, updated["targetGroup"]!["deregistrationDelaySeconds"]!.GetValue<double>());
        Assert.Single(list!["targetGroups"]!.AsArray());
        Assert.Equal(409, again);
        Assert.Equal(204, deleted);
        Assert.Equal(404, missing);
        Assert.Equal("TargetGroupNotFoundException", gone!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_PartialHealthCheck_ChangesOnlyTheFieldsGiven()
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/target-groups", new
        {
            targetGroupName = "tg", port = 8080,
            healthCheck = new { path = "/health", intervalSeconds = 0.5, timeoutSeconds = 0.2, healthyThreshold = 2, unhealthyThreshold = 4, matcher = "200-299" },
        });

        var (status, updated) = await server.Admin.PutAsync("/api/v1/target-groups/tg", new { healthCheck = new { healthyThreshold = 5 } });

        Assert.Equal(200, status);
        var check = updated!["targetGroup"]!["healthCheck"]!;
        Assert.Equal(("/health", 0.5, 0.2, 5, 4, "200-299"), (check["path"]!.GetValue<string>(), check["intervalSeconds"]!.GetValue<double>(),
            check["timeoutSeconds"]!.GetValue<double>(), check["healthyThreshold"]!.GetValue<int>(), check["unhealthyThreshold"]!.GetValue<int>(), check["matcher"]!.GetValue<string>()));
    }

    public static TheoryData<object, string> BadGroups => new()
    {
        { new { targetGroupName = "tg", port = 0 }, "port 0" },
        { new { targetGroupName = "tg" }, "port (missing)" },
        { new { targetGroupName = "tg", port = 80, healthCheck = new { path = "health" } }, "healthCheck.path 'health'" },
        { new { targetGroupName = "tg", port = 80, healthCheck = new { intervalSeconds = 0.05, timeoutSeconds = 0.01 } }, "healthCheck.intervalSeconds 0.05" },
        { new { targetGroupName = "tg", port = 80, healthCheck = new { intervalSeconds = 5, timeoutSeconds = 5 } }, "healthCheck.timeoutSeconds 5" },
        { new { targetGroupName = "tg", port = 80, healthCheck = new { healthyThreshold = 1 } }, "healthCheck.healthyThreshold 1" },
        { new { targetGroupName = "tg", port = 80, healthCheck = new { unhealthyThreshold = 11 } }, "healthCheck.unhealthyThreshold 11" },
        { new { targetGroupName = "tg", port = 80, healthCheck = new { matcher = "200-abc" } }, "healthCheck.matcher '200-abc'" },
        { new { targetGroupName = "tg", port = 80, healthCheck = new { matcher = "299-200" } }, "healthCheck.matcher '299-200'" },
        { new { targetGroupName = "tg", port = 80, deregistrationDelaySeconds = 3601 }, "deregistrationDelaySeconds 3601" },
        { new { targetGroupName = "tg", port = 80, algorithm = "random" }, "algorithm 'random'" },
        { new { targetGroupName = "a/b", port = 80 }, "targetGroupName 'a/b'" },
    };

    [Theory]
    [MemberData(nameof(BadGroups))]
    public async Task Create_BadInput_Is400NamingTheFieldAndStoresNothing(object input, string expected)
    {
        await using var server = await TestServer.StartAsync();

        var (status, body) = await server.Admin.PostAsync("/api/v1/target-groups", input);
        var (_, list) = await server.Admin.GetAsync("/api/v1/target-groups");

        Assert.Equal(400, status);
        Assert.Equal("InvalidTargetGroupException", body!["code"]!.GetValue<string>());
        Assert.Contains(expected, body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(list!["targetGroups"]!.AsArray());
    }

    [Fact]
    public async Task RegisterTargets_UnknownInstanceOrBadPort_Is400NamingTheTarget()
    {
        await using var server = await TestServer.StartAsync();
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", 8081);
        await server.Admin.PutAsync("/api/v1/instances/i-1", new { tags = Array.Empty<object>() });

        var (unknown, unknownBody) = await server.Admin.PostAsync("/api/v1/target-groups/tg/targets", new { targets = new object[] { new { instanceId = "i-1" }, new { instanceId = "i-404" } } });
        var (badPort, badPortBody) = await server.Admin.PostAsync("/api/v1/target-groups/tg/targets", new { targets = new[] { new { instanceId = "i-1", port = 70000 } } });
        var (notRegistered, notRegisteredBody) = await server.Admin.PostAsync("/api/v1/target-groups/tg/targets/deregister", new { targets = new[] { new { instanceId = "i-1" } } });
        var (noGroup, _) = await server.Admin.PostAsync("/api/v1/target-groups/nope/targets", new { targets = new[] { new { instanceId = "i-1" } } });

        Assert.Equal(400, unknown);
        Assert.Equal("InvalidTargetException", unknownBody!["code"]!.GetValue<string>());
        Assert.Contains("targets[1].instanceId 'i-404'", unknownBody["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, badPort);
        Assert.Contains("targets[0].port 70000", badPortBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, notRegistered);
        Assert.Contains("is not registered in target group 'tg'", notRegisteredBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(404, noGroup);
        Assert.Empty(await TrafficSetup.TargetsAsync(server.Admin, "tg"));
    }

    [Fact]
    public async Task RegisterTargets_InstanceWithAnAddress_SendsItsRequestsThere()
    {
        await using var server = await TestServer.StartAsync();
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", 8081);
        var (badAddress, _) = await server.Admin.PutAsync("/api/v1/instances/i-2", new { tags = Array.Empty<object>(), address = "host.example" });
        await server.Admin.PutAsync("/api/v1/instances/i-2", new { tags = Array.Empty<object>(), address = "127.0.0.7" });
        await server.Admin.PutAsync("/api/v1/instances/i-2", new { tags = new[] { new { key = "role", value = "web" } } });

        await server.Admin.PostAsync("/api/v1/target-groups/tg/targets", new { targets = new[] { new { instanceId = "i-2" } } });
        var target = Assert.Single(await TrafficSetup.TargetsAsync(server.Admin, "tg"))!;

        Assert.Equal(400, badAddress);
        Assert.Equal("127.0.0.7", target["address"]!.GetValue<string>());
    }

    [Fact]
    public async Task RegisterTargets_NoListener_ShowsTheTargetUnusedWithItsAddress()
    {
        await using var server = await TestServer.StartAsync();
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", 8081);

        await TrafficSetup.RegisterAsync(server.Admin, "tg", ("i-1", 9000));
        var targets = await TrafficSetup.TargetsAsync(server.Admin, "tg");

        var target = Assert.Single(targets)!;
        Assert.Equal("i-1", target["instanceId"]!.GetValue<string>());
        Assert.Equal("127.0.0.1", target["address"]!.GetValue<string>());
        Assert.Equal(9000, target["port"]!.GetValue<int>());
        Assert.Equal("blue", target["pool"]!.GetValue<string>());
        Assert.Equal("unused", target["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Metrics_SecondsOutOfRange_Is400AndUnknownGroupIs404()
    {
        await using var server = await TestServer.StartAsync();
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", 8081);

        var (tooMany, body) = await server.Admin.GetAsync("/api/v1/target-groups/tg/metrics?seconds=901");
        var (missing, _) = await server.Admin.GetAsync("/api/v1/target-groups/nope/metrics");
        var (ok, metrics) = await server.Admin.GetAsync("/api/v1/target-groups/tg/metrics");

        Assert.Equal(400, tooMany);
        Assert.Contains("seconds 901", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(404, missing);
        Assert.Equal(200, ok);
        Assert.Equal(0, metrics!["total"]!["requests"]!.GetValue<long>());
    }
}
