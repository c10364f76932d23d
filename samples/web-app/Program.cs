using Greenlight.Sample.Web;

// The sample web application of samples/README.md: serves its version, a health check, a slow endpoint, and in
// mode error5xx fails its home page. Settings are read once (SampleSettings); SIGTERM stops it gracefully
// (in-flight requests get SAMPLE_SHUTDOWN_SECONDS, default 10, to finish). Bodies are plain text without a newline.
//
// The content root is the app's own folder, not the working directory, and configuration files are not watched: hooks
// run in "/", and watching "/" for appsettings changes costs seconds at startup (about 8 s measured, against 0.3 s).
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
{
    Args = [.. args, "--hostBuilder:reloadConfigOnChange=false"],
    ContentRootPath = AppContext.BaseDirectory,
});
var (settings, errors) = SampleSettings.Read(key => builder.Configuration[key]);
if (settings is null)
{
    foreach (var error in errors)
    {
        await Console.Error.WriteLineAsync($"greenlight-sample: {error}");
    }

    return 2;
}

// One line per request is noise in a sample's log; startup, shutdown and failures are what matter.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(settings.Address, settings.Port));

// Capped so a typo cannot hold a connection (and a drain) for longer than half a minute.
const int MaxSlowMilliseconds = 30_000;
var app = builder.Build();
var home = $"greenlight sample {settings.Version} on {settings.Address}";

// Every answer names the version that gave it and echoes the caller's X-Request-Id, so a load generator can tell which
// fleet colour served each request (oracle O1 of the zero-downtime tests).
app.Use(async (context, next) =>
{
    context.Response.Headers["X-Sample-Version"] = settings.Version;
    if (context.Request.Headers.TryGetValue("X-Request-Id", out var requestId))
    {
        context.Response.Headers["X-Request-Id"] = requestId;
    }

    await next(context);
});

app.MapGet("/", () => settings.Mode == SampleMode.Error5xx
    ? Results.Text($"{home}: failing on purpose (mode error5xx)", statusCode: StatusCodes.Status500InternalServerError)
    : Results.Text(home));
app.MapGet("/version", () => Results.Text(settings.Version));
app.MapGet("/health", () => Results.Text("ok"));
app.MapGet("/slow", async (int? ms, CancellationToken aborted) =>
{
    var wait = Math.Clamp(ms ?? 1000, 0, MaxSlowMilliseconds);
    await Task.Delay(wait, aborted);
    return Results.Text($"slept {wait} ms");
});

app.Logger.LogInformation("greenlight sample {Version} (mode {Mode}) from {Content} on http://{Address}:{Port}",
    settings.Version, settings.Mode, settings.ContentDirectory, settings.Address, settings.Port);
await app.RunAsync();
return 0;
