using Greenlight.Testing;

namespace Greenlight.Server.Tests.Alarms;

/// <summary>/api/v1/alarms on a real server: create, read, update, delete, and refusals that name the field.</summary>
public sealed class AlarmsApiTests
{
    internal static object LoadBalancerAlarm(string name, string group = "tg", string? pool = null, double threshold = 5, int evaluationPeriods = 3, int? datapointsToAlarm = null) => new
    {
        alarmName = name,
        metric = new { source = "loadBalancer", targetGroupName = group, pool, metricName = "HTTPCode_Target_5XX_Rate" },
        statistic = "Average",
        period = 1,
        comparisonOperator = "GreaterThanThreshold",
        threshold,
        evaluationPeriods,
        datapointsToAlarm,
        treatMissingData = "notBreaching",
    };

    [Fact]
    public async Task Crud_CreateGetListUpdateDelete_ShowsTheAlarmAsStored()
    {
        await using var server = await TestServer.StartAsync();

        var (created, body) = await server.Admin.PostAsync("/api/v1/alarms", LoadBalancerAlarm("errors", evaluationPeriods: 3, datapointsToAlarm: 2));
        var (duplicate, _) = await server.Admin.PostAsync("/api/v1/alarms", LoadBalancerAlarm("errors"));
        var (_, external) = await server.Admin.PostAsync("/api/v1/alarms", new { alarmName = "pager", metric = new { source = "external" }, alertName = "HighErrorRate" });
        var (_, got) = await server.Admin.GetAsync("/api/v1/alarms/errors");
        var (_, list) = await server.Admin.GetAsync("/api/v1/alarms");
        var (updated, after) = await server.Admin.PutAsync("/api/v1/alarms/errors", new { threshold = 10.5, metric = new { source = "loadBalancer", targetGroupName = "tg", pool = "green", metricName = "TargetResponseTime" } });
        var (deleted, _) = await server.Admin.DeleteAsync("/api/v1/alarms/errors");
        var (gone, goneBody) = await server.Admin.GetAsync("/api/v1/alarms/errors");

        Assert.True(created == 201, body?.ToJsonString());
        var alarm = body!["alarm"]!;
        Assert.Equal("INSUFFICIENT_DATA", alarm["stateValue"]!.GetValue<string>());
        Assert.Equal(2, alarm["datapointsToAlarm"]!.GetValue<int>());
        Assert.Equal("notBreaching", alarm["treatMissingData"]!.GetValue<string>());
        Assert.Equal(409, duplicate);
        Assert.Equal("external", external!["alarm"]!["metric"]!["source"]!.GetValue<string>());
        Assert.Null(external["alarm"]!["period"]);
        Assert.Equal("errors", got!["alarm"]!["alarmName"]!.GetValue<string>());
        Assert.Equal(["errors", "pager"], list!["alarms"]!.AsArray().Select(a => a!["alarmName"]!.GetValue<string>()));
        Assert.True(updated == 200, after?.ToJsonString());
        Assert.Equal(10.5, after!["alarm"]!["threshold"]!.GetValue<double>());
        Assert.Equal("green", after["alarm"]!["metric"]!["pool"]!.GetValue<string>());
        Assert.Equal("p99", after["alarm"]!["statistic"]!.GetValue<string>());
        Assert.Equal(2, after["alarm"]!["datapointsToAlarm"]!.GetValue<int>());
        Assert.Equal(204, deleted);
        Assert.Equal(404, gone);
        Assert.Equal("AlarmNotFoundException", goneBody!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"alarmName":"a b","metric":{"source":"external"}}""", "alarmName")]
    [InlineData("""{"alarmName":"a"}""", "metric is required")]
    [InlineData("""{"alarmName":"a","metric":{"source":"cloudwatch"}}""", "metric.source")]
    [InlineData("""{"alarmName":"a","metric":{"source":"loadBalancer","targetGroupName":"tg","metricName":"Nope"},"period":1,"comparisonOperator":"GreaterThanThreshold","threshold":1,"evaluationPeriods":1}""", "metric.metricName")]
    [InlineData("""{"alarmName":"a","metric":{"source":"loadBalancer","targetGroupName":"tg","pool":"red","metricName":"RequestCount"},"period":1,"comparisonOperator":"GreaterThanThreshold","threshold":1,"evaluationPeriods":1}""", "metric.pool")]
    [InlineData("""{"alarmName":"a","metric":{"source":"loadBalancer","targetGroupName":"tg","metricName":"TargetResponseTime"},"statistic":"Sum","period":1,"comparisonOperator":"GreaterThanThreshold","threshold":1,"evaluationPeriods":1}""", "statistic 'Sum'")]
    [InlineData("""{"alarmName":"a","metric":{"source":"loadBalancer","targetGroupName":"tg","metricName":"RequestCount"},"period":0,"comparisonOperator":"GreaterThanThreshold","threshold":1,"evaluationPeriods":1}""", "period 0")]
    [InlineData("""{"alarmName":"a","metric":{"source":"loadBalancer","targetGroupName":"tg","metricName":"RequestCount"},"period":1,"comparisonOperator":"gt","threshold":1,"evaluationPeriods":1}""", "comparisonOperator 'gt'")]
    [InlineData("""{"alarmName":"a","metric":{"source":"loadBalancer","targetGroupName":"tg","metricName":"RequestCount"},"period":1,"comparisonOperator":"GreaterThanThreshold","evaluationPeriods":1}""", "threshold is required")]
    [InlineData("""{"alarmName":"a","metric":{"source":"loadBalancer","targetGroupName":"tg","metricName":"RequestCount"},"period":1,"comparisonOperator":"GreaterThanThreshold","threshold":1,"evaluationPeriods":3,"datapointsToAlarm":4}""", "datapointsToAlarm 4")]
    [InlineData("""{"alarmName":"a","metric":{"source":"loadBalancer","targetGroupName":"tg","metricName":"RequestCount"},"period":1,"comparisonOperator":"GreaterThanThreshold","threshold":1,"evaluationPeriods":1,"treatMissingData":"zero"}""", "treatMissingData 'zero'")]
    [InlineData("""{"alarmName":"a","metric":{"source":"loadBalancer","targetGroupName":"tg","metricName":"RequestCount"},"period":60,"comparisonOperator":"GreaterThanThreshold","threshold":1,"evaluationPeriods":20}""", "at most 900 s")]
    [InlineData("""{"alarmName":"a","metric":{"source":"prometheus","url":"http://metrics.example.com:9090","query":"up"},"period":10,"comparisonOperator":"LessThanThreshold","threshold":1,"evaluationPeriods":1}""", "--allow-metrics-host metrics.example.com")]
    [InlineData("""{"alarmName":"a","metric":{"source":"prometheus","url":"ftp://127.0.0.1","query":"up"},"period":10,"comparisonOperator":"LessThanThreshold","threshold":1,"evaluationPeriods":1}""", "metric.url")]
    [InlineData("""{"alarmName":"a","metric":{"source":"prometheus","url":"http://127.0.0.1:9090","query":" "},"period":10,"comparisonOperator":"LessThanThreshold","threshold":1,"evaluationPeriods":1}""", "metric.query")]
    [InlineData("""{"alarmName":"a","metric":{"source":"external"},"threshold":3}""", "external alarm has no rule")]
    public async Task Create_Invalid_RefusesNamingTheField(string json, string expected)
    {
        await using var server = await TestServer.StartAsync();

        var (status, body) = await server.Admin.PostAsync("/api/v1/alarms", System.Text.Json.Nodes.JsonNode.Parse(json));

        Assert.Equal(400, status);
        Assert.Contains(expected, body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await server.Admin.GetAsync("/api/v1/alarms")).Body!["alarms"]!.AsArray());
    }

    [Fact]
    public async Task Create_PrometheusOnLoopback_IsAccepted()
    {
        await using var server = await TestServer.StartAsync();

        var (status, body) = await server.Admin.PostAsync("/api/v1/alarms", new
        {
            alarmName = "p",
            metric = new { source = "prometheus", url = "http://127.0.0.1:9/", query = "sum(rate(http_requests_total{code=~\"5..\"}[1m]))" },
            period = 5,
            comparisonOperator = "GreaterThanOrEqualToThreshold",
            threshold = 1,
            evaluationPeriods = 2,
        });

        Assert.True(status == 201, body?.ToJsonString());
        Assert.Equal("http://127.0.0.1:9", body!["alarm"]!["metric"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeploymentGroups_NamingAMissingAlarm_AreRefusedAndAnAlarmInUseCannotBeDeleted()
    {
        await using var server = await TestServer.StartAsync();
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/alarms", new { alarmName = "errors", metric = new { source = "external" } })).Status);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" })).Status);

        var (missing, missingBody) = await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "prod",
            alarmConfiguration = new { enabled = true, alarms = new[] { new { name = "errors" }, new { name = "nope" } } },
        });
        var (created, createdBody) = await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "prod",
            alarmConfiguration = new { enabled = true, alarms = new[] { new { name = "errors" } } },
        });
        var (deleted, deletedBody) = await server.Admin.DeleteAsync("/api/v1/alarms/errors");

        Assert.Equal(400, missing);
        Assert.Equal("InvalidAlarmConfigException", missingBody!["code"]!.GetValue<string>());
        Assert.Contains("alarmConfiguration.alarms[1].name", missingBody["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(created == 201, createdBody?.ToJsonString());
        Assert.Equal(409, deleted);
        Assert.Contains("web/prod", deletedBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_WithoutAToken_AreUnauthorized()
    {
        await using var server = await TestServer.StartAsync();
        using var anonymous = new ApiClient(server.Host.Url, null);

        var (list, _) = await anonymous.GetAsync("/api/v1/alarms");
        var (webhook, _) = await anonymous.PostAsync("/api/v1/alertmanager/webhook", new { version = "4", alerts = Array.Empty<object>() });

        Assert.Equal(401, list);
        Assert.Equal(401, webhook);
    }
}
