using System.Text.Json.Nodes;
using Greenlight.Cli.Api;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands;

/// <summary>
/// What <c>deploy --watch</c> and <c>deployment watch</c> print about the deployment group's alarms: each alarm's state
/// when first seen (<c>alarm web-5xx OK</c>), then each change with its reason (<c>alarm web-5xx OK -&gt; ALARM (reason)</c>).
/// </summary>
internal static class WatchAlarms
{
    public sealed record Alarm(string Name, string State, string? Reason);

    /// <summary>The alarms the deployment's group watches (its alarmConfiguration, when enabled); none when the group cannot be read.</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(ApiConnection api, JsonNode info, CancellationToken ct)
    {
        var path = $"applications/{Uri.EscapeDataString(Cells.Text(info["applicationName"]) ?? "")}/deployment-groups/{Uri.EscapeDataString(Cells.Text(info["deploymentGroupName"]) ?? "")}";
        try
        {
            var config = (await api.GetAsync(path, ct))["deploymentGroupInfo"]?["alarmConfiguration"];
            return config?["enabled"]?.GetValue<bool>() == true ? [.. Cells.Items(config["alarms"]).Select(a => Cells.Text(a["name"])).OfType<string>()] : [];
        }
        catch (ApiException)
        {
            // The group was deleted, or the token may not read it: the watch goes on without alarm lines.
            return [];
        }
    }

    /// <summary>The named alarms of an alarms answer (<c>{"alarms":[...]}</c>), in the order <paramref name="names"/> gives.</summary>
    public static IReadOnlyList<Alarm> States(JsonNode? alarms, IReadOnlyList<string> names)
    {
        var byName = Cells.Items(alarms?["alarms"]).ToDictionary(a => Cells.Text(a["alarmName"]) ?? "", StringComparer.Ordinal);
        return [.. names.Where(byName.ContainsKey).Select(n => new Alarm(n, Cells.Text(byName[n]["stateValue"]) ?? "", Cells.Text(byName[n]["stateReason"])))];
    }

    /// <summary>A line per alarm first seen or whose state differs from <paramref name="previous"/> (keyed by name).</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, string> previous, IReadOnlyList<Alarm> current) =>
    [
        .. current
            .Where(a => !previous.TryGetValue(a.Name, out var before) || before != a.State)
            .Select(a => (previous.TryGetValue(a.Name, out var before) ? $"alarm {a.Name} {before} -> {a.State}" : $"alarm {a.Name} {a.State}")
                         + (string.IsNullOrEmpty(a.Reason) ? "" : $" ({a.Reason})")),
    ];
}
