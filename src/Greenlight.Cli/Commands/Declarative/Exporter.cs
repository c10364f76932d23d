using System.Text.Json.Nodes;
using Greenlight.Cli.Api;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>
/// Reads resources from the server as declarative documents (<c>kind</c>, <c>name</c>, <c>application</c>, <c>spec</c>)
/// in apply order. With an application: it, its deployment groups, and what they use (custom configs, auto scaling
/// groups and their launch templates, target groups, the load balancers that forward to them, alarms).
/// Predefined deployment configurations are not exported.
/// </summary>
internal sealed class Exporter(ApiConnection api)
{
    private const string PredefinedConfig = "CodeDeployDefault.";

    public async Task<IReadOnlyList<JsonObject>> ExportAsync(string? application, CancellationToken ct)
    {
        var applications = application is null ? Names(await api.GetAsync("applications", ct), "applications") : [application];
        var documents = new List<JsonObject>();
        var groups = new List<JsonObject>();
        foreach (var app in applications)
        {
            var info = (await api.GetAsync($"applications/{Uri.EscapeDataString(app)}", ct))["application"];
            documents.Add(Document(ResourceKind.Application, app, null, info));
            var path = $"applications/{Uri.EscapeDataString(app)}/deployment-groups";
            foreach (var group in Names(await api.GetAsync(path, ct), "deploymentGroups"))
            {
                var groupInfo = (await api.GetAsync($"{path}/{Uri.EscapeDataString(group)}", ct))["deploymentGroupInfo"];
                groups.Add(Document(ResourceKind.DeploymentGroup, group, app, groupInfo));
            }
        }

        var configs = Names(await api.GetAsync("deployment-configs", ct), "deploymentConfigsList").Where(c => !c.StartsWith(PredefinedConfig, StringComparison.Ordinal));
        var scaling = Items(await api.GetAsync("auto-scaling-groups", ct), "autoScalingGroups");
        var templates = Items(await api.GetAsync("launch-templates", ct), "launchTemplates");
        var targetGroups = Items(await api.GetAsync("target-groups", ct), "targetGroups");
        var balancers = Items(await api.GetAsync("load-balancers", ct), "loadBalancers");
        var alarms = Items(await api.GetAsync("alarms", ct), "alarms");
        if (application is not null)
        {
            var used = Used(groups);
            configs = configs.Where(used.Contains);
            scaling = [.. scaling.Where(s => used.Contains(Text(s, "autoScalingGroupName")))];
            used.UnionWith(scaling.Select(s => Text(s?["launchTemplate"], "launchTemplateName")));
            used.UnionWith(scaling.SelectMany(s => Strings(s?["targetGroupNames"])));
            templates = [.. templates.Where(t => used.Contains(Text(t, "launchTemplateName")))];
            targetGroups = [.. targetGroups.Where(t => used.Contains(Text(t, "targetGroupName")))];
            balancers = [.. balancers.Where(b => b?["listeners"]?.AsArray().Any(l => l?["forward"]?.AsArray().Any(f => used.Contains(Text(f, "targetGroupName"))) == true) == true)];
            alarms = [.. alarms.Where(a => used.Contains(Text(a, "alarmName")))];
        }

        foreach (var config in configs)
        {
            documents.Add(Document(ResourceKind.DeploymentConfig, config, null, (await api.GetAsync($"deployment-configs/{Uri.EscapeDataString(config)}", ct))["deploymentConfigInfo"]));
        }

        documents.AddRange(templates.Select(t => Document(ResourceKind.LaunchTemplate, Text(t, "launchTemplateName"), null, t)));
        documents.AddRange(targetGroups.Select(t => Document(ResourceKind.TargetGroup, Text(t, "targetGroupName"), null, t)));
        documents.AddRange(balancers.Select(b => Document(ResourceKind.LoadBalancer, Text(b, "loadBalancerName"), null, b)));
        documents.AddRange(alarms.Select(a => Document(ResourceKind.Alarm, Text(a, "alarmName"), null, a)));
        documents.AddRange(scaling.Select(s => Document(ResourceKind.AutoScalingGroup, Text(s, "autoScalingGroupName"), null, s)));
        documents.AddRange(groups);
        return documents;
    }

    private static JsonObject Document(ResourceKind kind, string name, string? application, JsonNode? info)
    {
        var document = new JsonObject { ["kind"] = kind.Name, ["name"] = name };
        if (application is not null)
        {
            document["application"] = application;
        }

        document["spec"] = ResourceStore.SpecOf(kind, info);
        return document;
    }

    /// <summary>The names a set of deployment groups refers to: configs, scaling groups, target groups, alarms.</summary>
    private static HashSet<string> Used(List<JsonObject> groups)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in groups.Select(g => g["spec"]))
        {
            used.Add(Text(spec, "deploymentConfigName"));
            used.UnionWith(Strings(spec?["autoScalingGroups"]));
            used.UnionWith((spec?["loadBalancerInfo"]?["targetGroupInfoList"]?.AsArray() ?? []).Select(t => Text(t, "name")));
            used.UnionWith((spec?["alarmConfiguration"]?["alarms"]?.AsArray() ?? []).Select(a => Text(a, "name")));
        }

        return used;
    }

    private static List<string> Names(JsonNode answer, string key) => Strings(answer[key]);

    private static List<JsonNode?> Items(JsonNode answer, string key) => [.. answer[key]?.AsArray() ?? []];

    private static List<string> Strings(JsonNode? list) => [.. (list?.AsArray() ?? []).Select(n => n?.ToString() ?? "")];

    private static string Text(JsonNode? node, string key) => node?[key]?.ToString() ?? "";
}
