using Greenlight.Core.Deployments;

namespace Greenlight.Engine.Ports;

/// <summary>
/// Carries out commands of some types (agents, traffic, fleet). <see cref="ExecuteAsync"/> may be called more
/// than once for the same command (after a crash): it must act at most once per <see cref="Command.Key"/>.
/// What the world answers comes back later through <see cref="Running.IDeploymentObserver.ObserveAsync"/>.
/// </summary>
public interface ICommandPort
{
    bool Handles(Command command);

    Task ExecuteAsync(string deploymentId, Command command, CancellationToken cancellationToken);
}
