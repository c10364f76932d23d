using System.Net;
using System.Net.Sockets;

namespace Greenlight.Testing;

/// <summary>A tiny HTTP server on 127.0.0.1 that answers every request with the given writer (bundle origins, lying or stalling servers).</summary>
public sealed class LoopbackOrigin : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private Task _serving = Task.CompletedTask;

    private LoopbackOrigin(string url)
    {
        Url = url;
    }

    public string Url { get; }

    public static LoopbackOrigin Serve(Func<HttpListenerResponse, Task> write)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var origin = new LoopbackOrigin($"http://127.0.0.1:{port}/");
        origin._listener.Prefixes.Add(origin.Url);
        origin._listener.Start();
        origin._serving = Task.Run(() => origin.AcceptAsync(write));
        return origin;
    }

    /// <summary>Serves the same bytes to every request.</summary>
    public static LoopbackOrigin Bytes(byte[] body) => Serve(response => response.OutputStream.WriteAsync(body).AsTask());

    private async Task AcceptAsync(Func<HttpListenerResponse, Task> write)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    await write(context.Response);
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
                {
                    // The client went away: fine.
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
