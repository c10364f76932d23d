using System.Diagnostics;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Fleet;

/// <summary>
/// A test server whose scaling groups launch real local agents. Remembers every instance id it saw, and on dispose stops
/// the server (which stops its instances) and then kills, by PID, any process still marked with one of those ids.
/// </summary>
internal sealed class ServerWithAgents(TestServer server) : IAsyncDisposable
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public TestServer Server { get; } = server;

    /// <summary>The instances of the group, as (id, lifecycle state).</summary>
    public async Task<IReadOnlyList<(string Id, string State)>> InstancesAsync(string group)
    {
        var (status, body) = await Server.Admin.GetAsync($"/api/v1/auto-scaling-groups/{group}/instances");
        if (status != 200)
        {
            return [];
        }

        var instances = body!["instances"]!.AsArray().Select(i => (i!["instanceId"]!.GetValue<string>(), i["lifecycleState"]!.GetValue<string>())).ToList();
        _seen.UnionWith(instances.Select(i => i.Item1));
        return instances;
    }

    /// <summary>Waits until the group has <paramref name="count"/> InService instances and returns their ids.</summary>
    public async Task<IReadOnlyList<string>> InServiceAsync(string group, int count) =>
        [.. (await Eventually.Until(() => InstancesAsync(group), all => all.Count(i => i.State == "InService") == count, TimeSpan.FromSeconds(90),
            $"{count} instances of {group} InService")).Where(i => i.State == "InService").Select(i => i.Id)];

    public async ValueTask DisposeAsync()
    {
        // Every group's instances, green copies included, so none is missed below.
        var (status, body) = await Server.Admin.GetAsync("/api/v1/auto-scaling-groups");
        if (status == 200)
        {
            _seen.UnionWith(body!["autoScalingGroups"]!.AsArray().SelectMany(g => g!["instances"]!.AsArray()).Select(i => i!["instanceId"]!.GetValue<string>()));
        }

        await Server.DisposeAsync();
        foreach (var id in _seen)
        {
            foreach (var pid in MarkedProcesses.Find(id))
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
    }
}
