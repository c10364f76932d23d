using System.Text.Json.Nodes;

namespace Greenlight.Cli.Commands.Demo;

/// <summary>Follows a deployment to its end, printing a progress line whenever its status, per-instance counts or traffic split change.</summary>
internal static class DeploymentProgress
{
    /// <summary>The ended deployment; <paramref name="greenWeights"/>, if given, collects each traffic split seen (green %).</summary>
    public static async Task<JsonNode> WaitForEndAsync(DemoApi api, DemoNarrator narrator, string id, List<int>? greenWeights = null)
    {
        string? last = null;
        return await Poll.UntilAsync(async () =>
        {
            var info = await api.DeploymentAsync(id);
            var line = Line(info);
            if (info["traffic"]?["greenWeight"]?.GetValue<int>() is { } weight && greenWeights is not null && (greenWeights.Count == 0 || greenWeights[^1] != weight))
            {
                greenWeights.Add(weight);
            }

            if (line != last)
            {
                narrator.Progress($"{id} {line}");
                last = line;
            }

            return info;
        }, d => d["status"]!.GetValue<string>() is "Succeeded" or "Failed" or "Stopped", DemoApi.Timeout, $"deployment {id} ends",
            d => d["status"]!.GetValue<string>(), CancellationToken.None);
    }

    /// <summary><c>InProgress: 2 succeeded, 2 in progress; traffic 10 % green</c>.</summary>
    public static string Line(JsonNode info)
    {
        var o = info["deploymentOverview"];
        var counts = new[] { ("succeeded", "succeeded"), ("inProgress", "in progress"), ("pending", "pending"), ("failed", "failed"), ("ready", "ready") }
            .Select(c => (Count: o?[c.Item1]?.GetValue<int>() ?? 0, Label: c.Item2))
            .Where(c => c.Count > 0)
            .Select(c => $"{c.Count} {c.Label}");
        var traffic = info["traffic"] is { } t ? $"; traffic {t["greenWeight"]} % green" : "";
        var progress = string.Join(", ", counts);
        return $"{info["status"]}: {(progress.Length > 0 ? progress : "no instances yet")}{traffic}";
    }

    /// <summary>How long the deployment took by the server's clock (create to complete), if it completed.</summary>
    public static TimeSpan? Duration(JsonNode info) =>
        info["completeTime"] is { } end && info["createTime"] is { } start
            ? end.GetValue<DateTimeOffset>() - start.GetValue<DateTimeOffset>()
            : null;
}
