using Greenlight.Core.Deployments;
using Greenlight.Engine.Ports;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.Server.Deployments;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Traffic;

/// <summary>
/// Carries out a deployment's traffic commands on the target groups of its deployment group (loadBalancerInfo):
/// RegisterTarget adds the instance (green for a blue/green replacement, else blue), DeregisterTarget removes it (it
/// drains) and holds it out from scaling group attachments, SetTrafficWeights sets the green weight. Each touched group
/// is then normalized (a finished shift makes green blue) and the runtime applied. A command key already applied to a
/// group changes nothing there. What the load balancer then sees comes back through <see cref="TrafficObserver"/>.
/// </summary>
public sealed class TrafficCommandPort(IGreenlightStore store, DeploymentFactory factory, TrafficState state, TimeProvider time, ILogger<TrafficCommandPort> logger) : ICommandPort
{
    public bool Handles(Command command) => command is RegisterTarget or DeregisterTarget or SetTrafficWeights;

    public async Task ExecuteAsync(string deploymentId, Command command, CancellationToken cancellationToken)
    {
        if (await store.GetDeploymentAsync(deploymentId, cancellationToken) is not { } record)
        {
            TrafficLog.CommandSkipped(logger, deploymentId, "the deployment does not exist");
            return;
        }

        if (await factory.GroupAsync(record.Application, record.DeploymentGroup, cancellationToken) is not { } group)
        {
            TrafficLog.CommandSkipped(logger, deploymentId, $"deployment group '{record.Application}/{record.DeploymentGroup}' no longer exists");
            return;
        }

        var names = TargetGroupUsers.Names(group);
        if (names.Count == 0)
        {
            return;
        }

        var kind = EngineJson.ReadState(record.StateJson).Spec.Kind;
        var directory = await InstanceDirectory.LoadAsync(store, cancellationToken);
        var audit = new AuditEntry(time.GetUtcNow(), "deployment " + deploymentId, command.GetType().Name, string.Join(',', names), command.Key);
        foreach (var name in names)
        {
            var changed = await TrafficStore.UpdateTargetGroupAsync(store, name, doc =>
                doc.AppliedCommands.Contains(command.Key) ? null : Change(doc, command, kind, directory).Normalize().Applied(command.Key), audit, cancellationToken);
            if (changed is null && await TrafficStore.TargetGroupAsync(store, name, cancellationToken) is null)
            {
                TrafficLog.CommandSkipped(logger, deploymentId, $"target group '{name}' does not exist");
            }
        }

        switch (command)
        {
            case RegisterTarget r:
                TrafficLog.TargetCommand(logger, deploymentId, "register", r.InstanceId, string.Join(',', names));
                break;
            case DeregisterTarget d:
                TrafficLog.TargetCommand(logger, deploymentId, "deregister", d.InstanceId, string.Join(',', names));
                break;
            case SetTrafficWeights w:
                TrafficLog.Weights(logger, deploymentId, w.GreenWeight, string.Join(',', names));
                break;
        }

        await state.ApplyAsync(cancellationToken);
    }

    /// <summary>The group after the command (before normalization).</summary>
    public static TargetGroupDocument Change(TargetGroupDocument doc, Command command, DeploymentKind kind, InstanceDirectory directory) => command switch
    {
        RegisterTarget r => doc.Register(
            r.InstanceId,
            doc.Port,
            kind == DeploymentKind.BlueGreen && r.Role == InstanceRole.Replacement ? TargetGroupDocument.Green : TargetGroupDocument.Blue,
            directory.AttachedOwner(r.InstanceId, doc.Name) is { } owner ? TargetEntry.Attachment(owner.Name) : TargetEntry.Deployment),
        DeregisterTarget d => doc.Deregister(d.InstanceId, holdOut: true),
        SetTrafficWeights w => doc with { GreenWeight = Math.Clamp(w.GreenWeight, 0, 100) },
        _ => doc,
    };
}
