using System.Collections.Concurrent;
using Greenlight.Core.Batching;
using Greenlight.Core.Deployments;
using Greenlight.Engine.Ports;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.Store;
using Greenlight.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Greenlight.Engine.Tests.Running;

/// <summary>
/// The engine on a real SQLite store, a fake clock, and recording fakes at its ports (Nomad's harness style):
/// <see cref="Port"/> records every command it is asked to carry out, <see cref="Factory"/> builds rollbacks.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("gl-engine");

    public EngineHarness()
    {
        Store = StoreFactory.Open("sqlite", _dir.Path);
        Store.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        Engine = new DeploymentEngine(Store, [Port], Factory, Time, NullLogger<DeploymentEngine>.Instance, CrashPoints.None, new EngineOptions(TimeSpan.FromMilliseconds(10)));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    public IGreenlightStore Store { get; }

    public RecordingPort Port { get; } = new();

    public RollbackFactory Factory { get; } = new();

    public DeploymentEngine Engine { get; }

    public static DeploymentSpec Spec(string id, int hosts = 2, string revision = "rev-2") =>
        new(id, revision, DeploymentKind.InPlace, DeploymentConfiguration.OneAtATime, [.. Enumerable.Range(1, hosts).Select(i => new TargetInstance($"i-{i}"))])
        {
            LastKnownGoodRevision = "rev-1",
            AutoRollback = new AutoRollbackConfiguration(true, [AutoRollbackEvent.DeploymentFailure]),
        };

    public Task<DeploymentState> CreateAsync(DeploymentSpec spec) => Engine.CreateAsync(spec, "web", "prod", null, CancellationToken.None);

    /// <summary>Answers every run command the port received and not yet answered, as succeeded unless <paramref name="fails"/> says so.</summary>
    public async Task AnswerAsync(Func<RunLifecycleEvent, bool>? fails = null)
    {
        while (Port.TakeUnanswered() is { } run)
        {
            var failed = fails?.Invoke(run) ?? false;
            await Engine.ObserveAsync(Port.DeploymentOf(run.Key), new EventCompleted(run.InstanceId, run.Event, run.Attempt, !failed), CancellationToken.None);
            await Engine.RunOnceAsync(CancellationToken.None);
        }
    }

    public async Task<DeploymentState> StateAsync(string id) => (await Engine.LoadStateAsync(id, CancellationToken.None))!;

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _dir.Dispose();
    }
}

/// <summary>Records commands; can be told to fail.</summary>
internal sealed class RecordingPort : ICommandPort
{
    private readonly ConcurrentQueue<RunLifecycleEvent> _unanswered = new();
    private readonly ConcurrentDictionary<string, string> _deployments = new();

    public ConcurrentQueue<string> Executed { get; } = new();

    public int FailuresLeft { get; set; }

    public bool Handles(Command command) => command is RunLifecycleEvent or CancelLifecycleEvent;

    public Task ExecuteAsync(string deploymentId, Command command, CancellationToken cancellationToken)
    {
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new IOException("agent transport down");
        }

        Executed.Enqueue(command.Key);
        if (command is RunLifecycleEvent run)
        {
            _deployments[run.Key] = deploymentId;
            _unanswered.Enqueue(run);
        }

        return Task.CompletedTask;
    }

    public RunLifecycleEvent? TakeUnanswered() => _unanswered.TryDequeue(out var run) ? run : null;

    public string DeploymentOf(string key) => _deployments[key];
}

/// <summary>Builds rollback specs with the engine's derived id; records what it was asked.</summary>
internal sealed class RollbackFactory : IDeploymentFactory
{
    public ConcurrentQueue<string> Succeeded { get; } = new();

    /// <summary>When set, rollbacks are refused with this problem (as when the deployment group was deleted).</summary>
    public string? RefuseRollbacks { get; set; }

    public Task<FactoryResult> RollbackAsync(DeploymentRecordView triggering, StartRollbackDeployment command, string deploymentId, CancellationToken cancellationToken) =>
        Task.FromResult(RefuseRollbacks is { } problem ? FactoryResult.Refused(problem) : FactoryResult.Of(EngineHarness.Spec(deploymentId, triggering.State.Spec.Instances.Length, command.Revision) with
        {
            Creator = DeploymentCreator.Rollback,
            RollbackTriggeringDeploymentId = command.TriggeringDeploymentId,
        }));

    public Task<FactoryResult> FollowUpAsync(DeploymentRecordView triggering, StartFollowUpDeployment command, string deploymentId, CancellationToken cancellationToken) =>
        Task.FromResult(FactoryResult.Refused("not in these tests"));

    public Task DeploymentEndedAsync(DeploymentRecordView deployment, CancellationToken cancellationToken)
    {
        if (deployment.State.Status == DeploymentStatus.Succeeded)
        {
            Succeeded.Enqueue(deployment.DeploymentId);
        }

        return Task.CompletedTask;
    }
}
