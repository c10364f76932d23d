using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Greenlight.LoadBalancer.Tests.TestSupport;

/// <summary>
/// A real Kestrel backend on 127.0.0.1 (a free port): answers its own name, <c>/health</c> with a status settable at
/// run time, and <c>/slow?ms=N</c> after waiting N ms.
/// </summary>
internal sealed class TestBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _served;
    private int _healthStatus = 200;

    private TestBackend(string name, WebApplication app, int port)
    {
        Name = name;
        _app = app;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>Requests answered other than health checks.</summary>
    public int Served => Volatile.Read(ref _served);

    public int HealthStatus
    {
        get => Volatile.Read(ref _healthStatus);
        set => Volatile.Write(ref _healthStatus, value);
    }

    public static async Task<TestBackend> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        TestBackend? self = null;
        app.Run(async context =>
        {
            var backend = self!;
            if (context.Request.Path == "/health")
            {
                context.Response.StatusCode = backend.HealthStatus;
                await context.Response.WriteAsync(backend.Name);
                return;
            }

            Interlocked.Increment(ref backend._served);
            if (context.Request.Path == "/slow")
            {
                var ms = int.Parse(context.Request.Query["ms"].ToString(), CultureInfo.InvariantCulture);
                await Task.Delay(ms, context.RequestAborted);
            }

            await context.Response.WriteAsync(backend.Name);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new TestBackend(name, app, new Uri(address).Port);
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _app.StopAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.DisposeAsync();
    }
}
