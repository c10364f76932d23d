using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Tests.Alarms;

/// <summary>
/// A tiny stand-in for Prometheus' instant query API on 127.0.0.1: <c>/api/v1/query</c> answers a one-sample vector of
/// <see cref="Value"/> (an empty vector when null), or 503 while <see cref="Down"/>; it records the queries it got.
/// </summary>
internal sealed class FakePrometheus : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakePrometheus(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public double? Value { get; set; }

    public bool Down { get; set; }

    public List<string> Queries { get; } = [];

    public static async Task<FakePrometheus> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakePrometheus? self = null;
        app.MapGet("/api/v1/query", (HttpContext http) =>
        {
            lock (self!.Queries)
            {
                self.Queries.Add(http.Request.QueryString.Value ?? "");
            }

            if (self.Down)
            {
                return Results.Text("""{"status":"error","errorType":"unavailable","error":"the TSDB is not ready"}""", "application/json", statusCode: 503);
            }

            var time = http.Request.Query["time"].ToString();
            var result = self.Value is { } v ? $$"""[{"metric":{},"value":[{{time}},"{{v.ToString(CultureInfo.InvariantCulture)}}"]}]""" : "[]";
            return Results.Text($$$"""{"status":"success","data":{"resultType":"vector","result":{{{result}}}}}""", "application/json");
        });
        await app.StartAsync();
        self = new FakePrometheus(app, app.Urls.First());
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
