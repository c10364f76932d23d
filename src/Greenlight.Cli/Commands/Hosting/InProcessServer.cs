using Greenlight.Engine.Storage;
using Greenlight.Server.Hosting;
using Greenlight.Store;
using Microsoft.Extensions.Logging;

namespace Greenlight.Cli.Commands.Hosting;

/// <summary>
/// A Greenlight server running in this process (<c>greenlight server</c>, <c>up</c> and <c>demo</c>): its store opened
/// and migrated, the API listening, its local fleet provider and load balancer running. Disposing it stops the server,
/// which stops its local instances and every process their hooks started, then closes the store.
/// </summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private readonly IGreenlightStore _store;

    private InProcessServer(ServerOptions options, IGreenlightStore store, ServerHost host)
    {
        Options = options;
        _store = store;
        Host = host;
    }

    public ServerOptions Options { get; }

    public ServerHost Host { get; }

    public string Url => Host.Url;

    /// <summary>
    /// Starts a server, or returns the one-line problem (a bad listen address, an unusable database or data directory,
    /// a port in use) as the Problem: a user's mistake, not an exception.
    /// </summary>
    public static async Task<(InProcessServer? Server, string? Problem)> StartAsync(ServerOptions options, Action<ILoggingBuilder> logging, CancellationToken cancellationToken)
    {
        try
        {
            ServerHost.ParseEndpoint(options.Listen);
        }
        catch (ArgumentException e)
        {
            return (null, e.Message);
        }

        IGreenlightStore store;
        try
        {
            Directory.CreateDirectory(options.DataDirectory);
            store = StoreFactory.Open(options.Database, options.DataDirectory);
        }
        catch (Exception e) when (e is StoreConfigurationException or IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }

        try
        {
            var host = await ServerHost.StartAsync(options, store, TimeProvider.System, logging, cancellationToken);
            return (new InProcessServer(options, store, host), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await store.DisposeAsync();
            return (null, $"cannot start: {FirstLine(e)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _store.DisposeAsync();
    }

    private static string FirstLine(Exception e) => (e.InnerException is { } inner && e is AggregateException ? inner : e).Message.Split('\n')[0];
}
