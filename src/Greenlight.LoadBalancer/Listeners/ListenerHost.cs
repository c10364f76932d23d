using System.Net;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Routing;
using Greenlight.LoadBalancer.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Greenlight.LoadBalancer.Listeners;

/// <summary>
/// One listener: a small Kestrel server of its own bound to the listener's address, whose only middleware is the
/// <see cref="RequestHandler"/>. Starting never throws for a bad address, a port in use or a bad certificate: the
/// status carries the error.
/// </summary>
internal sealed class ListenerHost
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly WebApplication? _app;

    private ListenerHost(ListenerConfig config, WebApplication? app, ListenerStatus status)
    {
        Config = config;
        _app = app;
        Status = status;
    }

    public ListenerConfig Config { get; }

    public ListenerStatus Status { get; }

    /// <summary>Same address and certificate: a change of forward weights alone does not restart a listener.</summary>
    public bool Serves(ListenerConfig config) =>
        config.LoadBalancer == Config.LoadBalancer && config.Address == Config.Address && config.Https == Config.Https
        && config.CertificateFile == Config.CertificateFile && config.CertificateKeyFile == Config.CertificateKeyFile;

    public static async Task<ListenerHost> StartAsync(
        ListenerConfig config,
        Func<RoutingSnapshot> snapshot,
        HttpMessageInvoker invoker,
        IRandomSource random,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var endPoint = ListenAddress.TryParse(config.Address, out var error);
        var certificate = endPoint is not null && config.Https ? ListenerCertificate.TryLoad(config, out error) : null;
        if (endPoint is null || (config.Https && certificate is null))
        {
            return Failed(config, error!, logger);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NullHostLifetime>();
        builder.Services.AddHttpForwarder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endPoint, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        var app = builder.Build();
        var handler = new RequestHandler(ListenerKey.Of(config), snapshot, app.Services.GetRequiredService<IHttpForwarder>(), invoker, random);
        app.Run(handler.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            return Failed(config, e.Message, logger);
        }

        var bound = BoundAddress(app, endPoint);
        LoadBalancerLog.ListenerStarted(logger, config.LoadBalancer, config.Address, bound, config.Https ? "https" : "http");
        return new ListenerHost(config, app, new ListenerStatus(config.LoadBalancer, config.Address, bound, null));
    }

    /// <summary>Stops accepting, gives requests in flight up to 5 s, then closes.</summary>
    public async Task StopAsync(ILogger logger)
    {
        if (_app is null)
        {
            return;
        }

        try
        {
            using var grace = new CancellationTokenSource(StopGrace);
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            LoadBalancerLog.ListenerStopFailed(logger, e, Config.LoadBalancer, Config.Address);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        LoadBalancerLog.ListenerStopped(logger, Config.LoadBalancer, Config.Address);
    }

    private static ListenerHost Failed(ListenerConfig config, string error, ILogger logger)
    {
        LoadBalancerLog.ListenerFailed(logger, config.LoadBalancer, config.Address, error);
        return new ListenerHost(config, null, new ListenerStatus(config.LoadBalancer, config.Address, null, error));
    }

    /// <summary><c>HOST:PORT</c> where Kestrel listens (the real port when the address asked for port 0).</summary>
    private static string BoundAddress(WebApplication app, IPEndPoint requested)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault();
        if (first is not null && Uri.TryCreate(first, UriKind.Absolute, out var uri))
        {
            return ListenAddress.Format(new IPEndPoint(requested.Address, uri.Port));
        }

        return ListenAddress.Format(requested);
    }
}
