using System.CommandLine;
using System.Text.Json.Nodes;
using Greenlight.Cli.Api;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands.Status;

/// <summary>
/// <c>greenlight status [--app A]</c>: one screen of what runs, what fails and what waits for a person, from the API's
/// list endpoints (read in parallel). Exit 0 whatever it finds: it is information, not a verdict.
/// </summary>
internal static class StatusCommand
{
    /// <summary>Statuses of a deployment that has not ended.</summary>
    private const string Unfinished = "Created,Queued,InProgress,Baking,Ready";

    /// <summary>How many of the newest Failed deployments are read to find those of the last hour.</summary>
    private const int FailedLimit = 20;

    public static Command Create()
    {
        var app = new Option<string>("--app", "-a")
        {
            Description = "Only this application: its deployments, and the alarms, target groups and auto scaling groups its deployment groups name.",
            HelpName = "NAME",
        };
        return new Command("status",
            "One screen of what is going on: running deployments (progress, traffic split); what is failing (deployments Failed in\n" +
            "the last hour, alarms in ALARM, unhealthy targets, auto scaling groups with fewer InService instances than desired); and\n" +
            "what waits for a person (a blue/green deployment waiting in Ready or before terminating blue, with the command to run).\n" +
            "Examples:\n" +
            "  greenlight status\n" +
            "  greenlight status --app web\n" +
            "  greenlight status -o json\n" +
            "Exit codes: 0 the status was read (whatever it shows: status is information, not a verdict); 1 the server refused\n" +
            "(e.g. no such application); 2 bad options, no server or no token.")
        {
            app,
        }.WithApi(async call =>
        {
            var report = StatusReport.Build(await GatherAsync(call.Api, call.Get(app), CancellationToken.None), DateTimeOffset.UtcNow);
            return call.Print(report, w => StatusView.Write(w, report));
        });
    }

    private static async Task<StatusInputs> GatherAsync(ApiConnection api, string? app, CancellationToken ct)
    {
        var only = app is null ? "" : "&applicationName=" + Uri.EscapeDataString(app);
        var running = DeploymentsAsync(api, $"deployments?includeOnlyStatuses={Unfinished}{only}", ct);
        var failed = DeploymentsAsync(api, $"deployments?includeOnlyStatuses=Failed&limit={FailedLimit}{only}", ct);
        var alarms = api.GetAsync("alarms", ct);
        var targetGroups = api.GetAsync("target-groups", ct);
        var scalingGroups = api.GetAsync("auto-scaling-groups", ct);
        var scope = app is null ? Task.FromResult<StatusScope?>(null) : ScopeAsync(api, app, ct);
        await Task.WhenAll(running, failed, alarms, targetGroups, scalingGroups, scope);
        return new StatusInputs(await running, await failed, await alarms, await targetGroups, await scalingGroups, await scope);
    }

    private static async Task<IReadOnlyList<JsonNode>> DeploymentsAsync(ApiConnection api, string query, CancellationToken ct)
    {
        var ids = Cells.Items((await api.GetAsync(query, ct))["deployments"]).Select(Cells.Text).OfType<string>();
        var infos = await Task.WhenAll(ids.Select(id => api.GetAsync($"deployments/{Uri.EscapeDataString(id)}", ct)));
        return [.. infos.Select(i => i["deploymentInfo"]).OfType<JsonNode>()];
    }

    private static async Task<StatusScope?> ScopeAsync(ApiConnection api, string app, CancellationToken ct)
    {
        var path = $"applications/{Uri.EscapeDataString(app)}/deployment-groups";
        var names = Cells.Items((await api.GetAsync(path, ct))["deploymentGroups"]).Select(Cells.Text).OfType<string>();
        var groups = await Task.WhenAll(names.Select(n => api.GetAsync($"{path}/{Uri.EscapeDataString(n)}", ct)));
        return StatusScope.Of(groups.Select(g => g["deploymentGroupInfo"]).OfType<JsonNode>());
    }
}
