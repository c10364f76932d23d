using System.Net;
using System.Net.Sockets;

namespace Greenlight.Server.Tests.Api;

/// <summary>A tiny HTTP server on loopback that serves one bundle, for registration by URL.</summary>
internal sealed class BundleOrigin : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _serving;

    private BundleOrigin(HttpListener listener, string url, byte[] bundle)
    {
        _listener = listener;
        Url = url;
        _serving = Task.Run(async () =>
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

                context.Response.ContentType = "application/zip";
                await context.Response.OutputStream.WriteAsync(bundle);
                context.Response.Close();
            }
        });
    }

    public string Url { get; }

    public static Task<BundleOrigin> StartAsync(byte[] bundle)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var listener = new HttpListener();
        var prefix = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(prefix);
        listener.Start();
        return Task.FromResult(new BundleOrigin(listener, prefix + "bundle.zip", bundle));
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
