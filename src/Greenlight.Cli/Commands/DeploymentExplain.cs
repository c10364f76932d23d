using System.Text.Json.Nodes;
using Greenlight.Cli.Api;

namespace Greenlight.Cli.Commands;

/// <summary>
/// <c>greenlight deployment explain ID</c>: why a deployment stopped or failed, from its info and its targets: the
/// error code and message (for ALARM_ACTIVE the message names the alarm and carries its reason), what the deployment
/// said last, the failing instances with their failed events, diagnostics and log tails, and the rollback both ways.
/// </summary>
internal static class DeploymentExplain
{
    /// <summary>The explanation as one JSON object (what <c>-o json</c> prints, and what the text is made from).</summary>
    public static async Task<JsonObject> GatherAsync(ApiConnection api, string id, CancellationToken ct)
    {
        var info = (await api.GetAsync($"deployments/{id}", ct))["deploymentInfo"]!;
        var targets = (await api.GetAsync($"deployments/{id}/targets", ct))["deploymentTargets"]!.AsArray();
        var error = info["errorInformation"];
        var failed = new JsonArray();
        foreach (var target in targets.Select(t => t!["instanceTarget"]!).Where(t => t["status"]?.GetValue<string>() is "Failed"))
        {
            var events = new JsonArray([.. target["lifecycleEvents"]!.AsArray()
                .Where(e => e!["status"]?.GetValue<string>() == "Failed")
                .Select(e => (JsonNode)new JsonObject { ["lifecycleEventName"] = e!["lifecycleEventName"]?.DeepClone(), ["diagnostics"] = e["diagnostics"]?.DeepClone() })]);
            failed.Add(new JsonObject { ["instanceId"] = target["targetId"]?.DeepClone(), ["failedEvents"] = events });
        }

        var rollback = info["rollbackInfo"];
        var explanation = new JsonObject
        {
            ["deploymentId"] = info["deploymentId"]?.DeepClone(),
            ["status"] = info["status"]?.DeepClone(),
            ["creator"] = info["creator"]?.DeepClone(),
            ["errorCode"] = error?["code"]?.DeepClone(),
            ["errorMessage"] = error?["message"]?.DeepClone(),
            ["alarm"] = error?["code"]?.GetValue<string>() == "ALARM_ACTIVE" ? error["message"]?.DeepClone() : null,
            ["statusReason"] = info["statusReason"]?.DeepClone(),
            ["failedInstances"] = failed,
            ["rollbackDeploymentId"] = rollback?["rollbackDeploymentId"]?.DeepClone(),
            ["rollbackTriggeringDeploymentId"] = rollback?["rollbackTriggeringDeploymentId"]?.DeepClone(),
            ["rollbackMessage"] = rollback?["rollbackMessage"]?.DeepClone(),
        };
        if (rollback?["rollbackDeploymentId"]?.GetValue<string>() is { } rollbackId)
        {
            explanation["rollbackStatus"] = (await api.GetAsync($"deployments/{rollbackId}", ct))["deploymentInfo"]!["status"]?.DeepClone();
        }

        return explanation;
    }

    /// <summary>Prints the explanation for people.</summary>
    public static void Print(JsonObject e, TextWriter stdout)
    {
        stdout.WriteLine($"Deployment {e["deploymentId"]} is {e["status"]}{(e["creator"]?.GetValue<string>() is { } c and not "user" ? $" (created by {c})" : "")}.");
        if (e["status"]?.GetValue<string>() is not ("Failed" or "Stopped"))
        {
            stdout.WriteLine($"It has not failed or stopped: {e["statusReason"]}");
        }

        if (e["alarm"] is { } alarm)
        {
            stdout.WriteLine($"Stopped by an alarm: {alarm}");
        }
        else if (e["errorCode"] is { } code)
        {
            stdout.WriteLine($"Error {code}: {e["errorMessage"]}");
        }

        var failed = e["failedInstances"]!.AsArray();
        if (failed.Count > 0)
        {
            stdout.WriteLine($"Failed instances ({failed.Count}):");
        }

        foreach (var instance in failed)
        {
            foreach (var ev in instance!["failedEvents"]!.AsArray())
            {
                var d = ev!["diagnostics"];
                var script = d?["scriptName"] is { } s ? $" {s}" : "";
                stdout.WriteLine($"  {instance["instanceId"]}  {ev["lifecycleEventName"]} failed: {d?["errorCode"]}{script}: {d?["message"]}");
                foreach (var line in (d?["logTail"]?.GetValue<string>() ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(10))
                {
                    stdout.WriteLine($"    | {line}");
                }
            }
        }

        if (e["rollbackDeploymentId"] is { } rollbackId)
        {
            stdout.WriteLine($"Rolled back by {rollbackId} ({e["rollbackStatus"]}): {e["rollbackMessage"]}");
        }
        else if (e["rollbackMessage"] is { } message)
        {
            stdout.WriteLine($"Rollback: {message}");
        }

        if (e["rollbackTriggeringDeploymentId"] is { } triggering)
        {
            stdout.WriteLine($"This deployment rolls back {triggering}.");
        }
    }
}
