using Greenlight.Engine.Storage;
using Greenlight.Server.Hosting;
using Greenlight.Store;

namespace Greenlight.Server.Tests.Traffic;

/// <summary>A real server on a data directory the test owns (so it can be stopped and started again), optionally with the local fleet's agent command.</summary>
internal sealed record RunningServer(ServerHost Host, IGreenlightStore Store) : IAsyncDisposable
{
    public static async Task<RunningServer> StartAsync(string dataDirectory, IReadOnlyList<string>? agentCommand = null)
    {
        var options = new ServerOptions(dataDirectory, "127.0.0.1:0", "sqlite", TestProfile: true) { AgentCommand = agentCommand };
        var store = StoreFactory.Open(options.Database, options.DataDirectory);
        return new RunningServer(await ServerHost.StartAsync(options, store, TimeProvider.System, null, CancellationToken.None), store);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Store.DisposeAsync();
    }
}
