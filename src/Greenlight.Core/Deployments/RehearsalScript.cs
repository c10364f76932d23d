using System.Collections.Immutable;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Deployments;

/// <summary>
/// How the world behaves in a rehearsal: which instances fail (and at which event), whether and when an alarm
/// fires, and how long after green is ready someone continues a deployment waiting in Ready.
/// Everything else succeeds at once: events, draining, health checks, provisioning.
/// </summary>
public sealed record RehearsalScript(
    ImmutableHashSet<string> FailingInstances,
    LifecycleEvent FailingEvent = LifecycleEvent.ValidateService,
    string? Alarm = null,
    TimeSpan? AlarmAt = null,
    TimeSpan? ContinueAfter = null)
{
    public static RehearsalScript AllSucceed { get; } = new(ImmutableHashSet<string>.Empty);
}
