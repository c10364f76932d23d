using System.Text.Json.Nodes;
using Greenlight.Server.Tests.Api;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Deployments;

/// <summary>
/// A real server with real agent processes enrolled as web hosts (role=web), an application <c>web</c> with a group
/// <c>prod</c> deploying all at once, and bundles whose scripts succeed or fail on purpose.
/// </summary>
internal sealed class RollbackFleet : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _dir = new("gl-rollback");
    private readonly List<AgentProcess> _agents = [];

    private RollbackFleet(TestServer server) => Server = server;

    public TestServer Server { get; }

    public ApiClient Admin => Server.Admin;

    public IReadOnlyList<AgentProcess> Agents => _agents;

    public static async Task<RollbackFleet> StartAsync(int agents, object? groupExtras = null)
    {
        var fleet = new RollbackFleet(await TestServer.StartAsync());
        var token = await Tests.Agents.EnrollmentTests.EnrollmentTokenAsync(fleet.Server, uses: agents);
        for (var i = 1; i <= agents; i++)
        {
            fleet._agents.Add(AgentProcess.Start(fleet.Server.Host.Url, $"web-{i}", fleet._dir.Path, token, "role=web", $"127.0.5.{i}"));
        }

        await Eventually.Until(async () => (await fleet.Admin.GetAsync("/api/v1/instances")).Body!["instanceNames"]!.AsArray().Count, n => n == agents,
            Timeout, $"{agents} agents enrolled");
        Assert.Equal(201, (await fleet.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" })).Status);
        var group = new JsonObject
        {
            ["deploymentGroupName"] = "prod",
            ["deploymentConfigName"] = "CodeDeployDefault.AllAtOnce",
            ["onPremisesInstanceTagFilters"] = new JsonArray(new JsonObject { ["Key"] = "role", ["Value"] = "web", ["Type"] = "KEY_AND_VALUE" }),
        };
        foreach (var (key, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(groupExtras ?? new { }, ApiClient.Json))!.AsObject())
        {
            group[key] = value?.DeepClone();
        }

        var (status, body) = await fleet.Admin.PostAsync("/api/v1/applications/web/deployment-groups", group);
        Assert.True(status == 201, body?.ToJsonString());
        return fleet;
    }

    /// <summary>Uploads a bundle serving <paramref name="version"/>; its ValidateService and ApplicationStop fail when asked.</summary>
    public async Task<string> RevisionAsync(string version, bool failValidate = false, bool failStop = false)
    {
        var bundle = ZipBuilder.Build(
        [
            ("appspec.yml", TestBundles.AppSpec, ZipBuilder.File644),
            ("app/index.html", $"<h1>{version}</h1>", ZipBuilder.File644),
            ("scripts/start.sh", "#!/bin/bash\nexit 0\n", ZipBuilder.File755),
            ("scripts/stop.sh", failStop ? $"#!/bin/bash\necho 'stop of {version} is broken' >&2\nexit 3\n" : "#!/bin/bash\nexit 0\n", ZipBuilder.File755),
            ("scripts/check.sh", failValidate ? $"#!/bin/bash\necho '{version} answers 500' >&2\nexit 1\n" : "#!/bin/bash\nexit 0\n", ZipBuilder.File755),
        ]);
        var (status, body) = await TestFleet.UploadAsync(Admin, bundle);
        Assert.True(status == 201, body?.ToJsonString());
        return body!["revisionLocation"]!["bundle"]!["sha256"]!.GetValue<string>();
    }

    /// <summary>Creates a deployment and waits for its end; returns its id and final info.</summary>
    public async Task<(string Id, JsonNode Info)> DeployToEndAsync(string sha, object? extras = null)
    {
        var (status, body) = await TestFleet.DeployAsync(Admin, sha, extras);
        Assert.True(status == 201, body?.ToJsonString());
        var id = body!["deploymentId"]!.GetValue<string>();
        return (id, await EndOfAsync(id));
    }

    public async Task<JsonNode> EndOfAsync(string id) =>
        await Eventually.Until(() => TestFleet.InfoAsync(Admin, id), i => i["status"]!.GetValue<string>() is "Succeeded" or "Failed" or "Stopped",
            Timeout, $"deployment {id} ended");

    /// <summary>What each agent's host serves (the installed index.html), by agent name.</summary>
    public IReadOnlyDictionary<string, string> Served() => _agents.ToDictionary(a => a.Name,
        a => File.ReadAllText(Path.Combine(a.InstanceRoot, "opt", "web", "index.html")).Trim(), StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> DeploymentsAsync() =>
        [.. (await Admin.GetAsync("/api/v1/deployments?applicationName=web")).Body!["deployments"]!.AsArray().Select(d => d!.GetValue<string>())];

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }

        _dir.Dispose();
    }
}
