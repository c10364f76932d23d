using Greenlight.Contracts.V1;

namespace Greenlight.Server.Traffic;

/// <summary>
/// A target group as stored (resource kind <c>target-group</c>): its settings, the green weight blue/green deployments
/// set, and its registered targets. Draining targets are not here: once deregistered a target belongs to the runtime
/// until it drains.
/// </summary>
/// <remarks>
/// <para>
/// Who added a target is recorded in <see cref="TargetEntry.Source"/>: <c>asg:NAME</c> for the attachment of scaling
/// group NAME (its <c>targetGroupNames</c>), <c>deployment</c> for a deployment's RegisterTarget, <c>api</c> for a user.
/// The attachment only ever removes targets it added, so a target a user or a deployment registered stays.
/// </para>
/// <para>
/// "Held out": <see cref="HeldOut"/> lists instances a deployment (BlockTraffic) or a user took out of the group on purpose.
/// The attachment does not add a held-out instance back, even while it is InService in an attached scaling group, so an
/// in-place WITH_TRAFFIC_CONTROL deployment's BlockTraffic of a scaling group member is not undone by the next
/// reconciliation. Registering the instance again (AllowTraffic, or the API) ends the hold and keeps the attachment as the
/// target's source when the instance is a member of an attached group, so scale-in still removes it. The attachment drops
/// a hold once the instance is no longer InService in a group attached to this target group (nothing would re-add it then).
/// </para>
/// </remarks>
public sealed record TargetGroupDocument(
    string Name,
    int Port,
    HealthCheckSpec HealthCheck,
    double DeregistrationDelaySeconds,
    string Algorithm,
    int GreenWeight,
    IReadOnlyList<TargetEntry> Targets,
    DateTimeOffset CreatedTime)
{
    /// <summary>Instances taken out on purpose, which the scaling group attachment must not re-register (see remarks).</summary>
    public IReadOnlyList<string> HeldOut { get; init; } = [];

    /// <summary>The keys of the latest deployment commands applied here (bounded), so re-running one changes nothing.</summary>
    public IReadOnlyList<string> AppliedCommands { get; init; } = [];

    public const string Blue = "blue";

    public const string Green = "green";

    public TargetEntry? Find(string instanceId) => Targets.FirstOrDefault(t => t.InstanceId == instanceId);

    /// <summary>Adds the target or changes its port and pool (one target per instance); ends a hold on it.</summary>
    public TargetGroupDocument Register(string instanceId, int port, string pool, string source) =>
        this with
        {
            Targets = [.. Targets.Where(t => t.InstanceId != instanceId), new TargetEntry(instanceId, port, pool, Find(instanceId)?.Source ?? source)],
            HeldOut = [.. HeldOut.Where(h => h != instanceId)],
        };

    /// <summary>Removes the target (it drains in the runtime); <paramref name="holdOut"/> keeps the attachment from re-adding it.</summary>
    public TargetGroupDocument Deregister(string instanceId, bool holdOut) =>
        this with
        {
            Targets = [.. Targets.Where(t => t.InstanceId != instanceId)],
            HeldOut = holdOut && !HeldOut.Contains(instanceId) ? [.. HeldOut, instanceId] : HeldOut,
        };

    /// <summary>
    /// A finished shift: with no blue target left and all traffic on green, green becomes blue and the weight goes back to
    /// 0, so the next blue/green deployment starts from a plain group. Routing is the same before and after.
    /// </summary>
    public TargetGroupDocument Normalize() =>
        GreenWeight == 100 && Targets.All(t => t.Pool != Blue)
            ? this with { GreenWeight = 0, Targets = [.. Targets.Select(t => t with { Pool = Blue })] }
            : this;

    /// <summary>Remembers a command key; the list keeps the latest 200.</summary>
    public TargetGroupDocument Applied(string key) =>
        this with { AppliedCommands = [.. AppliedCommands.Where(k => k != key).TakeLast(199), key] };
}

/// <summary>A registered target: instance, port, pool (<c>blue</c> or <c>green</c>) and who added it (<c>asg:NAME</c>, <c>deployment</c>, <c>api</c>).</summary>
public sealed record TargetEntry(string InstanceId, int Port, string Pool, string Source)
{
    public const string Api = "api";

    public const string Deployment = "deployment";

    public static string Attachment(string autoScalingGroup) => "asg:" + autoScalingGroup;
}
