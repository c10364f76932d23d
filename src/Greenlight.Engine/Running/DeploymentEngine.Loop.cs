using Greenlight.Core.Deployments;
using Greenlight.Engine.Ports;
using Greenlight.Engine.Storage;

namespace Greenlight.Engine.Running;

public sealed partial class DeploymentEngine
{
    /// <summary>
    /// Runs until cancelled: resumes deployments left mid-way, then dispatches pending commands and wakes due
    /// deployments, whenever a decision signals work or <see cref="EngineOptions.PollInterval"/> passes.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await ResumeAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(cancellationToken);
                await _work.WaitAsync(options.PollInterval, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever went wrong (a timeout included), the loop must live on: it is what dispatches and wakes.
                EngineLog.LoopError(logger, e);
                await Task.Delay(options.PollInterval, time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// One pass: dispatch every pending command (a command whose port fails is left pending and tried again on the
    /// next pass, not in this one), then tick every due deployment.
    /// </summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        while (await store.PendingCommandsAsync(options.BatchSize + failed.Count, cancellationToken) is { Count: > 0 } pending)
        {
            var progressed = false;
            foreach (var entry in pending.Where(e => !failed.Contains(e.Key)))
            {
                if (await DispatchAsync(entry, cancellationToken))
                {
                    progressed = true;
                }
                else
                {
                    failed.Add(entry.Key);
                }
            }

            if (!progressed)
            {
                break;
            }
        }

        foreach (var id in await store.DueDeploymentsAsync(time.GetUtcNow(), options.BatchSize, cancellationToken))
        {
            await ObserveAsync(id, new Tick(), cancellationToken);
        }
    }

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        var active = await store.ActiveDeploymentsAsync(cancellationToken);
        foreach (var id in active)
        {
            if (await LoadStateAsync(id, cancellationToken) is { Status: DeploymentStatus.Created })
            {
                await ObserveAsync(id, new StartRequested(), cancellationToken);
            }
        }

        EngineLog.Resumed(logger, active.Count);
    }

    /// <summary>Carries out one command; true if it is now marked dispatched.</summary>
    private async Task<bool> DispatchAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            var command = EngineJson.ReadCommand(entry.Json);
            await ExecuteAsync(entry.DeploymentId, command, cancellationToken);
            crashPoints.Reach(CrashPoints.AfterDispatch);
            if (command is SetTrafficWeights)
            {
                crashPoints.Reach(CrashPoints.BetweenTrafficSteps);
            }

            await store.MarkDispatchedAsync(entry.DeploymentId, entry.Seq, time.GetUtcNow(), cancellationToken);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            EngineLog.DispatchFailed(logger, e, entry.Key, entry.Type);
            return false;
        }
    }

    private async Task ExecuteAsync(string deploymentId, Command command, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case PublishStatus { Status: DeploymentStatus.Succeeded or DeploymentStatus.Failed or DeploymentStatus.Stopped }:
                if (await ViewAsync(deploymentId, cancellationToken) is { } ended)
                {
                    await factory.DeploymentEndedAsync(ended, cancellationToken);
                }

                return;
            case PublishStatus:
                return;
            case StartRollbackDeployment rollback:
                await StartDerivedAsync(deploymentId, rollback.Key, "a rollback",
                    (view, id) => factory.RollbackAsync(view, rollback, id, cancellationToken), linkRollback: true, cancellationToken);
                return;
            case StartFollowUpDeployment followUp:
                await StartDerivedAsync(deploymentId, followUp.Key, "a follow-up deployment",
                    (view, id) => factory.FollowUpAsync(view, followUp, id, cancellationToken), linkRollback: false, cancellationToken);
                return;
            default:
                var port = _ports.FirstOrDefault(p => p.Handles(command));
                if (port is null)
                {
                    EngineLog.NoPort(logger, command.Key, command.GetType().Name);
                    return;
                }

                await port.ExecuteAsync(deploymentId, command, cancellationToken);
                return;
        }
    }

    private async Task StartDerivedAsync(
        string deploymentId, string key, string what, Func<DeploymentRecordView, string, Task<FactoryResult>> build, bool linkRollback, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(deploymentId, cancellationToken);
        if (view is null)
        {
            return;
        }

        var id = DeploymentIds.DerivedFrom(key);
        if (await store.GetDeploymentAsync(id, cancellationToken) is null)
        {
            var result = await build(view, id);
            if (result.Spec is not { } spec)
            {
                EngineLog.CannotStart(logger, deploymentId, what, result.Problem ?? "refused");
                if (linkRollback)
                {
                    // The deployment said "rolling back to …"; it must now say why it is not.
                    await ObserveAsync(deploymentId, new RollbackNotCreated(result.Problem ?? "refused"), cancellationToken);
                }

                return;
            }

            try
            {
                await CreateAsync(spec, view.Application, view.DeploymentGroup, null, cancellationToken);
            }
            catch (StoreConflictException conflict) when (conflict.Code == "AlreadyExists")
            {
                // Created by an earlier dispatch of the same command: nothing more to do.
            }

            // Any other refusal (the group still busy, a write conflict) propagates: the command stays in the outbox
            // and is tried again on the next pass instead of being lost.
        }

        if (linkRollback)
        {
            await ObserveAsync(deploymentId, new RollbackDeploymentCreated(id), cancellationToken);
        }
    }

    private async Task<DeploymentRecordView?> ViewAsync(string deploymentId, CancellationToken cancellationToken) =>
        await store.GetDeploymentAsync(deploymentId, cancellationToken) is { } record
            ? new DeploymentRecordView(record.DeploymentId, record.Application, record.DeploymentGroup, EngineJson.ReadState(record.StateJson))
            : null;
}
