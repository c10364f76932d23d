using Greenlight.Engine.Storage;
using Greenlight.Server.Hosting;
using Greenlight.Store;

namespace Greenlight.Testing;

/// <summary>A real server on a free loopback port with a real SQLite file in a temp data directory.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly TempDirectory _dir;

    private TestServer(TempDirectory dir, ServerHost host, IGreenlightStore store, string adminToken)
    {
        _dir = dir;
        Host = host;
        Store = store;
        AdminToken = adminToken;
        Admin = new ApiClient(host.Url, adminToken);
    }

    public ServerHost Host { get; }

    public IGreenlightStore Store { get; }

    public string AdminToken { get; }

    public ApiClient Admin { get; }

    public string DataDirectory => _dir.Path;

    /// <summary>Starts a server; <paramref name="agentCommand"/> is how its local fleet runs agents (needed only by tests that launch instances).</summary>
    public static async Task<TestServer> StartAsync(IReadOnlyList<string>? allowedRevisionHosts = null, TimeSpan? heartbeatTimeout = null, IReadOnlyList<string>? agentCommand = null)
    {
        var dir = new TempDirectory("gl-server");
        var options = new ServerOptions(dir.Path, "127.0.0.1:0", "sqlite", TestProfile: true, AllowedRevisionHosts: allowedRevisionHosts)
        {
            HeartbeatTimeout = heartbeatTimeout ?? TimeSpan.FromSeconds(30),
            AgentCommand = agentCommand,
        };
        var store = StoreFactory.Open(options.Database, options.DataDirectory);
        var host = await ServerHost.StartAsync(options, store, TimeProvider.System, null, CancellationToken.None);
        return new TestServer(dir, host, store, host.NewAdminToken!);
    }

    public ApiClient Client(string? token) => new(Host.Url, token);

    /// <summary>Creates a token of a role through the API and returns its secret.</summary>
    public async Task<string> TokenAsync(string role, string? instance = null)
    {
        var (status, body) = await Admin.PostAsync("/api/v1/tokens", new { name = role + "-token", role, instanceName = instance });
        Xunit.Assert.Equal(201, status);
        return body!["token"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Host.DisposeAsync();
        await Store.DisposeAsync();
        _dir.Dispose();
    }
}
