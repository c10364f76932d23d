using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Deployments;

/// <summary>One lifecycle event on one instance: its status and when it started and ended.</summary>
public sealed record EventRecord(LifecycleEvent Event, EventStatus Status, DateTimeOffset? StartedAt = null, DateTimeOffset? EndedAt = null);
