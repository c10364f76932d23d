using Greenlight.Core.Deployments;
using Greenlight.Engine.Ports;
using Greenlight.Engine.Storage;

namespace Greenlight.Server.Fleet;

/// <summary>
/// The engine's port to the fleet: a launch or termination deployment's answer to its lifecycle hook
/// (CompleteLifecycleAction) is recorded on the waiting instance; answering twice changes nothing.
/// </summary>
public sealed class FleetCommandPort(IGreenlightStore store, HookAnswers answers) : ICommandPort
{
    public bool Handles(Command command) => command is CompleteLifecycleAction;

    public async Task ExecuteAsync(string deploymentId, Command command, CancellationToken cancellationToken)
    {
        if (command is not CompleteLifecycleAction action || await store.GetDeploymentAsync(deploymentId, cancellationToken) is not { } deployment)
        {
            return;
        }

        var hook = deployment.Kind == nameof(DeploymentKind.AutoScalingTermination)
            ? ManagedHooks.TerminateHook(deployment.Application, deployment.DeploymentGroup)
            : ManagedHooks.LaunchHook(deployment.Application, deployment.DeploymentGroup);
        foreach (var group in await AutoScalingGroupStore.ListAsync(store, cancellationToken))
        {
            if (group.State.Instances.Any(i => i.InstanceId == action.InstanceId))
            {
                await answers.CompleteAsync(group.Name, action.InstanceId, hook, action.Continue, cancellationToken);
            }
        }
    }
}
