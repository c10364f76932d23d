using Greenlight.Engine.Running;
using Microsoft.Extensions.Hosting;

namespace Greenlight.Server.Hosting;

/// <summary>Runs the deployment engine's loop for the life of the server.</summary>
public sealed class EngineService(DeploymentEngine engine) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => engine.RunAsync(stoppingToken);
}
