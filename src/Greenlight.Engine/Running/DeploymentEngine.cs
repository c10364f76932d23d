using System.Collections.Concurrent;
using Greenlight.Core.Deployments;
using Greenlight.Engine.Ports;
using Greenlight.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace Greenlight.Engine.Running;

/// <summary>
/// Carries out what the decision core decides. For every observation: load the deployment, call
/// <see cref="DeploymentMachine.Decide"/>, store the new state, its event-log entry and its commands in one
/// transaction (retrying on a write conflict), then dispatch the commands through the ports. A background loop
/// dispatches what is left undispatched (after a crash too) and wakes deployments whose time has come.
/// </summary>
public sealed partial class DeploymentEngine(
    IGreenlightStore store,
    IEnumerable<ICommandPort> ports,
    IDeploymentFactory factory,
    TimeProvider time,
    ILogger<DeploymentEngine> logger,
    CrashPoints crashPoints,
    EngineOptions options) : IDeploymentObserver
{
    private const int MaxCommitAttempts = 8;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _work = new(0, int.MaxValue);
    private readonly List<ICommandPort> _ports = [.. ports];

    /// <summary>Creates a deployment (Created) and starts it. Throws <see cref="StoreConflictException"/> (DeploymentLimitExceeded) when its group is busy.</summary>
    public async Task<DeploymentState> CreateAsync(DeploymentSpec spec, string application, string deploymentGroup, AuditEntry? audit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = DeploymentState.Create(spec);
        var countsForLimit = spec.Kind is not (DeploymentKind.AutoScalingLaunch or DeploymentKind.AutoScalingTermination);
        var record = new DeploymentRecord(spec.DeploymentId, application, deploymentGroup, spec.Kind.ToString(), spec.Creator.ToString(),
            state.Status.ToString(), EngineJson.State(state), 1, null, countsForLimit, now, now);
        await store.CreateDeploymentAsync(record, new NewEvent("created", EngineJson.Of(new { spec.Revision, spec.Kind, spec.Creator })), audit, cancellationToken);
        await ObserveAsync(spec.DeploymentId, new StartRequested(), cancellationToken);
        return await LoadStateAsync(spec.DeploymentId, cancellationToken) ?? state;
    }

    public async Task<DeploymentState?> LoadStateAsync(string deploymentId, CancellationToken cancellationToken) =>
        await store.GetDeploymentAsync(deploymentId, cancellationToken) is { } record ? EngineJson.ReadState(record.StateJson) : null;

    public async Task<ObserveResult> ObserveAsync(string deploymentId, Observation observation, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(deploymentId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; attempt <= MaxCommitAttempts; attempt++)
            {
                var record = await store.GetDeploymentAsync(deploymentId, cancellationToken);
                if (record is null)
                {
                    return ObserveResult.NotFound;
                }

                var state = EngineJson.ReadState(record.StateJson);
                var decision = DeploymentMachine.Decide(state, observation, time.GetUtcNow());
                if (decision.Rejection is { } rejection)
                {
                    EngineLog.Rejected(logger, deploymentId, observation.GetType().Name, rejection.Code.ToString(), rejection.Message);
                    return new ObserveResult(true, rejection, state.Status);
                }

                var result = await store.CommitDecisionAsync(ToCommit(record, observation, decision), cancellationToken);
                if (!result.Committed)
                {
                    EngineLog.Conflict(logger, deploymentId, attempt);
                    continue;
                }

                if (decision.Next.Status != state.Status)
                {
                    EngineLog.StatusChanged(logger, deploymentId, decision.Next.Status.ToString(), decision.Next.Reason);
                }

                crashPoints.Reach(CrashPoints.AfterCommit);
                if (!decision.Commands.IsEmpty)
                {
                    _work.Release();
                }

                return new ObserveResult(true, null, decision.Next.Status);
            }

            throw new InvalidOperationException($"deployment {deploymentId}: {MaxCommitAttempts} write conflicts in a row");
        }
        finally
        {
            gate.Release();
        }
    }

    private DecisionCommit ToCommit(DeploymentRecord record, Observation observation, Decision decision)
    {
        var next = decision.Next;
        var entry = new NewEvent(EventTypeOf(observation), EngineJson.Of(new
        {
            Observation = observation,
            next.Status,
            next.Phase,
            next.Reason,
            Commands = decision.Commands.Select(c => c.Key),
            decision.Failure,
        }));
        var commands = decision.Commands.Select(c => new NewCommand(c.Key, c.GetType().Name, EngineJson.Command(c))).ToList();
        return new DecisionCommit(record.DeploymentId, record.Version, EngineJson.State(next), next.Status.ToString(), decision.WakeAt,
            next.Status.IsTerminal(), [entry], commands, time.GetUtcNow());
    }

    private static string EventTypeOf(Observation observation)
    {
        var name = observation.GetType().Name;
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
