using System.Globalization;
using System.Text.Json.Nodes;
using Greenlight.Cli.Api;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>
/// The server's side of a declarative document: where the resource lives in the API, what it is now (cut down to
/// the spec's fields), and how to create or update it through the API's own routes.
/// </summary>
internal sealed class ResourceStore(ApiConnection api)
{
    public ApiConnection Api => api;

    /// <summary>The collection route of a kind (a deployment group's is under its application).</summary>
    public static string Collection(ResourceKind kind, string? application) => kind.Name switch
    {
        "Application" => "applications",
        "DeploymentConfig" => "deployment-configs",
        "DeploymentGroup" => $"applications/{Uri.EscapeDataString(application!)}/deployment-groups",
        "LaunchTemplate" => "launch-templates",
        "TargetGroup" => "target-groups",
        "LoadBalancer" => "load-balancers",
        "Alarm" => "alarms",
        _ => "auto-scaling-groups",
    };

    /// <summary>The key of a GET answer that holds the resource.</summary>
    public static string Envelope(ResourceKind kind) => kind.Name switch
    {
        "Application" => "application",
        "DeploymentConfig" => "deploymentConfigInfo",
        "DeploymentGroup" => "deploymentGroupInfo",
        "LaunchTemplate" => "launchTemplate",
        "TargetGroup" => "targetGroup",
        "LoadBalancer" => "loadBalancer",
        "Alarm" => "alarm",
        _ => "autoScalingGroup",
    };

    /// <summary>The resource's current spec, or null when it does not exist.</summary>
    public async Task<JsonObject?> CurrentSpecAsync(ResourceDocument document, CancellationToken ct)
    {
        JsonNode answer;
        try
        {
            answer = await api.GetAsync(Item(document), ct);
        }
        catch (ApiException e) when (e.Status == 404)
        {
            return null;
        }

        return SpecOf(document.Kind, answer[Envelope(document.Kind)], document.Spec);
    }

    /// <summary>
    /// The spec of a resource as the API shows it. A launch template's is its default version; a scaling group's hooks
    /// are the user's (not those a deployment group installs), in the order <paramref name="desired"/> lists them.
    /// </summary>
    public static JsonObject SpecOf(ResourceKind kind, JsonNode? info, JsonObject? desired = null)
    {
        if (kind == ResourceKind.LaunchTemplate)
        {
            var defaultVersion = info?["defaultVersionNumber"]?.GetValue<int>();
            info = info?["versions"]?.AsArray().FirstOrDefault(v => v?["versionNumber"]?.GetValue<int>() == defaultVersion);
        }

        var spec = SpecProjection.Project(info, kind.Spec) as JsonObject ?? [];
        if (kind == ResourceKind.AutoScalingGroup)
        {
            var hooks = (info?["lifecycleHooks"]?.AsArray() ?? []).Where(h => h?["managedBy"] is null).Select(h => h!.DeepClone()).ToList();
            var names = (desired?["lifecycleHookSpecificationList"]?.AsArray() ?? []).Select(h => h?["lifecycleHookName"]?.ToString()).ToList();
            if (names.Count > 0)
            {
                hooks = [.. hooks.Where(h => names.Contains(h["lifecycleHookName"]?.ToString())).OrderBy(h => names.IndexOf(h["lifecycleHookName"]?.ToString()))];
            }

            spec["lifecycleHookSpecificationList"] = SpecProjection.Project(new JsonArray([.. hooks]), kind.Spec.Fields["lifecycleHookSpecificationList"]);
        }

        return spec;
    }

    /// <summary>Why the API cannot make these changes, or null when it can.</summary>
    public static string? CannotUpdate(ResourceKind kind, IReadOnlyList<FieldChange> changes)
    {
        if (kind == ResourceKind.Application)
        {
            return "an application cannot be changed (the API has no update): delete it (greenlight application delete NAME) and apply again";
        }

        if (kind == ResourceKind.DeploymentConfig)
        {
            return "a deployment configuration cannot be changed (the API has no update): give it another name, or delete it (greenlight config delete NAME) and apply again";
        }

        if (kind == ResourceKind.AutoScalingGroup && changes.Any(c => c.Path.StartsWith("spec.tags", StringComparison.Ordinal)))
        {
            return "an auto scaling group's tags cannot be changed (the API has no update for them): put them in the launch template, or re-create the group";
        }

        return null;
    }

    public async Task CreateAsync(ResourceDocument document, CancellationToken ct)
    {
        var body = Body(document);
        await api.PostAsync(Collection(document.Kind, document.Application), body, ct);
    }

    public async Task UpdateAsync(ResourceDocument document, IReadOnlyList<FieldChange> changes, CancellationToken ct)
    {
        var item = Item(document);
        if (document.Kind == ResourceKind.LaunchTemplate)
        {
            var version = await api.PostAsync(item + "/versions", new JsonObject
            {
                ["versionDescription"] = document.Spec["versionDescription"]?.DeepClone(),
                ["launchTemplateData"] = document.Spec["launchTemplateData"]?.DeepClone(),
                ["sourceVersion"] = "$Default",
            }, ct);
            var number = version["launchTemplateVersion"]?["versionNumber"]?.GetValue<int>() ?? throw new InvalidOperationException("the new version has no number");
            await api.PutAsync(item, new JsonObject { ["defaultVersion"] = number.ToString(CultureInfo.InvariantCulture) }, ct);
            return;
        }

        if (document.Kind == ResourceKind.AutoScalingGroup)
        {
            await UpdateScalingGroupAsync(document, changes, item, ct);
            return;
        }

        await api.PutAsync(item, Body(document), ct);
    }

    private async Task UpdateScalingGroupAsync(ResourceDocument document, IReadOnlyList<FieldChange> changes, string item, CancellationToken ct)
    {
        const string Hooks = "spec.lifecycleHookSpecificationList";
        if (changes.Any(c => c.Path.StartsWith(Hooks, StringComparison.Ordinal)))
        {
            foreach (var hook in document.Spec["lifecycleHookSpecificationList"]?.AsArray() ?? [])
            {
                var put = hook!.DeepClone().AsObject();
                put.Remove("lifecycleHookName");
                await api.PutAsync($"{item}/lifecycle-hooks/{Uri.EscapeDataString(hook["lifecycleHookName"]!.ToString())}", put, ct);
            }
        }

        if (changes.Any(c => !c.Path.StartsWith(Hooks, StringComparison.Ordinal)))
        {
            var update = document.Spec.DeepClone().AsObject();
            update.Remove("lifecycleHookSpecificationList");
            update.Remove("tags");
            await api.PutAsync(item, update, ct);
        }
    }

    private static JsonObject Body(ResourceDocument document)
    {
        var body = document.Spec.DeepClone().AsObject();
        body[document.Kind.NameField] = document.Name;
        return body;
    }

    private static string Item(ResourceDocument document) =>
        $"{Collection(document.Kind, document.Application)}/{Uri.EscapeDataString(document.Name)}";
}
