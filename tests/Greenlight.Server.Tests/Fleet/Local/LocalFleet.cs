using System.Diagnostics;
using Greenlight.Contracts.V1;
using Greenlight.Server.Agents;
using Greenlight.Server.Fleet;
using Greenlight.Server.Fleet.Local;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Greenlight.Server.Tests.Fleet.Local;

/// <summary>
/// A test server, an instances directory and a local provider running this build's <c>greenlight.dll</c>. On dispose,
/// every process the test may have left is killed by PID: the instances' agents (when still the same process) and
/// every process carrying one of the test's instance markers.
/// </summary>
internal sealed class LocalFleet : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("gl-local-fleet");
    private readonly List<LaunchedInstance> _launched = [];
    private readonly HashSet<string> _ids = [];

    private LocalFleet(TestServer server)
    {
        Server = server;
        Provider = NewProvider();
    }

    public TestServer Server { get; }

    public LocalFleetProvider Provider { get; }

    public string InstancesDirectory => _dir.Combine("instances");

    public static IReadOnlyList<string> AgentCommand => ["dotnet", Path.Combine(AppContext.BaseDirectory, "greenlight.dll")];

    public static async Task<LocalFleet> StartAsync() => new(await TestServer.StartAsync());

    /// <summary>Another provider over the same instances directory: the server after a restart.</summary>
    public LocalFleetProvider NewProvider() => new(InstancesDirectory, AgentCommand, NullLogger.Instance);

    /// <summary>A fresh instance id, remembered so its processes are cleaned up whatever the test does.</summary>
    public string NewInstanceId()
    {
        var id = "lf-" + Guid.NewGuid().ToString("N")[..10];
        _ids.Add(id);
        return id;
    }

    /// <summary>Enrolls the instance (tagged role=web) through the API and returns its agent credential.</summary>
    public async Task<string> CredentialAsync(string instanceId)
    {
        var token = await Agents.EnrollmentTests.EnrollmentTokenAsync(Server, uses: 1);
        using var anonymous = Server.Client(null);
        var (status, body) = await anonymous.PostAsync("/api/v1/agent/enroll",
            new { enrollmentToken = token, instanceName = instanceId, tags = new[] { new { Key = "role", Value = "web" } } });
        Assert.Equal(200, status);
        return body!["credential"]!.GetValue<string>();
    }

    public async Task<LaunchRequest> RequestAsync(string? bootstrapScript = null, string address = "127.0.0.1")
    {
        var id = NewInstanceId();
        var template = new LaunchTemplateData(Tags: [new Tag("role", "web")], BootstrapScript: bootstrapScript);
        return new LaunchRequest(id, "web-asg", address, template, await CredentialAsync(id), Server.Host.Url, TimeSpan.FromSeconds(2));
    }

    public async Task<LaunchedInstance> LaunchAsync(LaunchRequest request, LocalFleetProvider? provider = null)
    {
        var launched = await (provider ?? Provider).LaunchAsync(request, CancellationToken.None);
        _launched.Add(launched);
        return launched;
    }

    /// <summary>Waits until the server has heard a poll from the instance's agent.</summary>
    public Task WaitForPollAsync(string instanceId, DateTimeOffset since)
    {
        var presence = Server.Host.Services.GetRequiredService<AgentPresence>();
        return Eventually.Until(() => Task.FromResult(presence.LastSeen(instanceId)), seen => seen > since, TimeSpan.FromSeconds(20), $"a poll from {instanceId}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _launched)
        {
            if (MarkedProcesses.Environ(agent.ProcessId).Contains($"GREENLIGHT_LOCAL_INSTANCE={agent.InstanceId}"))
            {
                Kill(agent.ProcessId);
            }
        }

        foreach (var id in _ids)
        {
            await Eventually.Until(() => Task.FromResult(KillMarked(id)), left => left == 0, TimeSpan.FromSeconds(10), $"processes of {id} killed");
        }

        await Server.DisposeAsync();
        _dir.Dispose();
    }

    private static int KillMarked(string instanceId)
    {
        var left = MarkedProcesses.Find(instanceId);
        left.ForEach(Kill);
        return left.Count;
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone already.
        }
    }
}
