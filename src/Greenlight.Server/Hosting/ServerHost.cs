using System.Diagnostics;
using System.Net;
using Greenlight.Bundles.Revisions;
using Greenlight.Engine.Ports;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.Server.Agents;
using Greenlight.Server.Alarms;
using Greenlight.Server.Api;
using Greenlight.Server.Auth;
using Greenlight.Server.Deployments;
using Greenlight.Server.Fleet;
using Greenlight.Server.Traffic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Hosting;

/// <summary>
/// Builds and runs the server: opens and migrates the store, ensures the admin token, wires the engine and its
/// ports, and maps the API under <c>/api/v1</c>. <see cref="StartAsync"/> returns once it listens.
/// </summary>
public sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServerHost(WebApplication app, string url, string? newAdminToken)
    {
        _app = app;
        Url = url;
        NewAdminToken = newAdminToken;
    }

    /// <summary>Where the API listens, e.g. http://127.0.0.1:7480.</summary>
    public string Url { get; }

    /// <summary>The admin token if this start created it (printed once), else null.</summary>
    public string? NewAdminToken { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ServerHost> StartAsync(ServerOptions options, IGreenlightStore store, TimeProvider time, Action<ILoggingBuilder>? logging, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDirectory);
        await store.MigrateAsync(cancellationToken);
        new RevisionFileStore(options.RevisionsDirectory, options.MaxBundleBytes).RemoveLeftoverTempFiles();
        var adminToken = await AdminToken.EnsureAsync(store, options, time, cancellationToken);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(ParseEndpoint(options.Listen));
            k.Limits.MaxRequestBodySize = options.MaxBundleBytes + (1 << 20);
        });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.Services.ConfigureHttpJsonOptions(j =>
        {
            j.SerializerOptions.PropertyNamingPolicy = Documents.Options.PropertyNamingPolicy;
            j.SerializerOptions.DefaultIgnoreCondition = Documents.Options.DefaultIgnoreCondition;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(OpenApiDescription.Configure);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(new RevisionFileStore(options.RevisionsDirectory, options.MaxBundleBytes));
        builder.Services.AddHttpClient("revisions", c => c.Timeout = TimeSpan.FromMinutes(10));
        builder.Services.AddSingleton<TicketSignals>();
        builder.Services.AddSingleton<AgentPresence>();
        builder.Services.AddSingleton<TicketLogs>();
        builder.Services.AddHostedService<HeartbeatMonitor>();
        builder.Services.AddSingleton<AgentTicketPort>();
        builder.Services.AddSingleton<ICommandPort>(sp => sp.GetRequiredService<AgentTicketPort>());
        builder.Services.AddSingleton(FleetSettings.For(options));
        builder.Services.AddSingleton<FleetSignal>();
        builder.Services.AddSingleton<IFleetProvider>(sp => new Fleet.Local.LocalFleetProvider(Path.Combine(options.DataDirectory, "instances"),
            options.AgentCommand ?? Fleet.Local.LocalAgentCommand.Resolve(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("Greenlight.Fleet.Local")));
        builder.Services.AddSingleton<ServerAddress>();
        builder.Services.AddSingleton<HookAnswers>();
        builder.Services.AddSingleton<ICommandPort, FleetCommandPort>();
        builder.Services.AddSingleton<GreenFleetHandover>();
        builder.Services.AddSingleton<ICommandPort, GreenFleetPort>();
        builder.Services.AddSingleton<GreenFleetWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GreenFleetWatcher>());
        builder.Services.AddSingleton<ScalingDeployments>();
        builder.Services.AddSingleton<InstanceLauncher>();
        builder.Services.AddSingleton<FleetReconciler>();
        builder.Services.AddSingleton<TrafficState>();
        builder.Services.AddHostedService<LoadBalancerService>();
        builder.Services.AddSingleton<ICommandPort, TrafficCommandPort>();
        builder.Services.AddSingleton<FleetController>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FleetController>());
        builder.Services.AddSingleton<DeploymentFactory>();
        builder.Services.AddSingleton<IDeploymentFactory>(sp => sp.GetRequiredService<DeploymentFactory>());
        builder.Services.AddSingleton(new EngineOptions(options.TestProfile ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1)));
        builder.Services.AddSingleton(sp => CrashPointsFor(options, sp.GetRequiredService<ILoggerFactory>().CreateLogger("Greenlight.CrashPoints")));
        builder.Services.AddSingleton<DeploymentEngine>();
        builder.Services.AddHostedService<EngineService>();
        builder.Services.AddHostedService<TrafficObserver>();
        builder.Services.AddHttpClient(PrometheusSource.ClientName, c => c.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton<PrometheusSource>();
        builder.Services.AddSingleton<AlarmEvaluations>();
        builder.Services.AddSingleton<AlarmFeed>();
        builder.Services.AddSingleton<AlarmStates>();
        builder.Services.AddHostedService<AlarmEvaluatorService>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseMiddleware<BearerAuthMiddleware>();
        app.MapOpenApi("/openapi/v1.json");
        app.MapHealthApi();
        app.MapMetricsApi();
        var api = app.MapGroup("/api/v1");
        api.MapApplicationsApi();
        api.MapDeploymentGroupsApi();
        api.MapDeploymentConfigsApi();
        api.MapRevisionsApi();
        api.MapDeploymentsApi();
        api.MapGroupRollbackApi();
        api.MapInstancesApi();
        api.MapLaunchTemplatesApi();
        api.MapAutoScalingGroupsApi();
        api.MapLoadBalancersApi();
        api.MapTargetGroupsApi();
        api.MapAlarmsApi();
        api.MapAlertmanagerWebhookApi();
        api.MapTokensApi();
        api.MapAgentApi();
        api.MapEnrollmentApi();

        await app.StartAsync(cancellationToken);
        var url = app.Urls.First();
        app.Services.GetRequiredService<ServerAddress>().Set(url);
        return new ServerHost(app, url, adminToken);
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary><c>127.0.0.1:7480</c>, <c>localhost:0</c> (a free port), <c>[::1]:7480</c>.</summary>
    public static IPEndPoint ParseEndpoint(string listen)
    {
        var text = listen.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" + listen["localhost".Length..] : listen;
        return IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':', StringComparison.Ordinal)
            ? endpoint
            : throw new ArgumentException($"--listen '{listen}' is not ADDRESS:PORT (e.g. 127.0.0.1:7480)");
    }

    private static CrashPoints CrashPointsFor(ServerOptions options, ILogger logger) =>
        options.TestProfile
            ? new CrashPoints(Environment.GetEnvironmentVariable(ServerOptions.CrashPointVariable), name =>
            {
                ServerLog.CrashPoint(logger, name);

                // The console logger writes on a background thread; say it synchronously before dying.
                Console.Error.WriteLine($"Crash point {name} reached: killing the server (test profile)");
                Console.Error.Flush();
                Process.GetCurrentProcess().Kill();
            })
            : CrashPoints.None;
}
