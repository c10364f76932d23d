using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Tests.Traffic;

/// <summary>
/// A real Kestrel backend on 127.0.0.1 and a free port: <c>/</c> answers its name (500 while <see cref="Failing"/>),
/// <c>/health</c> 200 (or 503 while <see cref="Healthy"/> is false).
/// </summary>
internal sealed class TestBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestBackend(WebApplication app, string name, int port)
    {
        _app = app;
        Name = name;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    public bool Healthy { get; set; } = true;

    /// <summary>While true, <c>/</c> answers 500 (the health check still passes).</summary>
    public bool Failing { get; set; }

    /// <summary>Completing it answers every request waiting on <c>/slow</c>.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<TestBackend> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        TestBackend? self = null;
        app.MapGet("/", () => self!.Failing ? Results.Text(name + " failing", statusCode: 500) : Results.Text(name));
        app.MapGet("/health", () => self!.Healthy ? Results.Ok("ok") : Results.StatusCode(503));
        app.MapGet("/slow", async () =>
        {
            await self!.Release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return name;
        });
        await app.StartAsync();
        self = new TestBackend(app, name, new Uri(app.Urls.First()).Port);
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
