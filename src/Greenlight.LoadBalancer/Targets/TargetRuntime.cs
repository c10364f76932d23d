using System.Globalization;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Health;
using Greenlight.LoadBalancer.Metrics;
using Greenlight.LoadBalancer.Status;

namespace Greenlight.LoadBalancer.Targets;

/// <summary>
/// A registered (or draining) target. Fields other than the in-flight count and the draining flag are changed only under
/// the runtime's lock; the request path reads the prefix, the meter, the in-flight count and the cut-off token.
/// </summary>
internal sealed class TargetRuntime
{
    private int _inFlight;
    private TaskCompletionSource? _idle;
    private readonly CancellationTokenSource _cutOff = new();

    public TargetRuntime(GroupRuntime group, TargetConfig config, TrafficMeter meter)
    {
        Group = group;
        Id = config.Id;
        Host = config.Host;
        Port = config.Port;
        Pool = config.Pool;
        Meter = meter;
        Prefix = "http://" + (Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);
    }

    public GroupRuntime Group { get; set; }

    public string GroupName => Group.Name;

    public string Id { get; }

    public string Host { get; }

    public int Port { get; }

    /// <summary>Where requests and health checks go: <c>http://HOST:PORT</c>.</summary>
    public string Prefix { get; }

    public TargetPool Pool { get; set; }

    public TrafficMeter Meter { get; }

    public HealthCounter Health { get; } = new();

    /// <summary>The state last reported (in <see cref="TargetStatus"/> and events), null before the first report.</summary>
    public TargetState? Reported { get; set; }

    public string? ReportedReason { get; set; }

    public DateTimeOffset Since { get; set; }

    /// <summary>Stops this target's health check loop.</summary>
    public CancellationTokenSource? HealthLoop { get; set; }

    /// <summary>Counts drains, so a drain ended by a re-registration is told apart from the current one.</summary>
    public int DrainGeneration { get; set; }

    public CancellationTokenSource? DrainWait { get; set; }

    public bool Draining => Volatile.Read(ref _idle) is not null;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Cancelled when the deregistration delay ends with requests still in flight: they are cut off.</summary>
    public CancellationToken CutOffToken => _cutOff.Token;

    public bool Matches(TargetConfig config) => config.Host == Host && config.Port == Port;

    public void BeginRequest() => Interlocked.Increment(ref _inFlight);

    public void EndRequest()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0)
        {
            Volatile.Read(ref _idle)?.TrySetResult();
        }
    }

    /// <summary>Marks the target draining; the task ends when no request is in flight (at once if none is).</summary>
    public Task StartDraining()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A full fence between publishing the wait and reading the count (EndRequest decrements, then reads the wait):
        // one of the two sees the other, so a drain never misses its last request.
        Interlocked.Exchange(ref _idle, idle);
        if (InFlight == 0)
        {
            idle.TrySetResult();
        }

        return idle.Task;
    }

    public void StopDraining() => Volatile.Write(ref _idle, null);

    public void CutOff() => _cutOff.Cancel();

    public TargetStatus ToStatus() =>
        new(GroupName, Id, Host, Port, Pool, Reported ?? TargetState.Initial, ReportedReason, InFlight, Since);
}
