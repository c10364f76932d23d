using Greenlight.Core.Fleet;
using Greenlight.Engine.Storage;
using Greenlight.Server.Fleet;

namespace Greenlight.Server.Traffic;

/// <summary>
/// Where instances live, for targets: an instance of a scaling group has its own loopback address (its placement); a
/// registered instance has the address its agent reported at enrollment (or given when registered by name); one without
/// goes to <see cref="RegisteredHost"/>, the host the server runs on.
/// </summary>
public sealed class InstanceDirectory
{
    /// <summary>The host of instances without an address of their own.</summary>
    public const string RegisteredHost = "127.0.0.1";

    private readonly IReadOnlyDictionary<string, string> _addresses;
    private readonly IReadOnlySet<string> _registered;

    private InstanceDirectory(IReadOnlyList<AutoScalingGroupDocument> groups, IReadOnlySet<string> registered, IReadOnlyDictionary<string, string>? registeredAddresses = null)
    {
        Groups = groups;
        _registered = registered;
        var addresses = new Dictionary<string, string>(registeredAddresses ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var placement in group.Placements.Where(p => !p.CleanedUp))
            {
                addresses[placement.InstanceId] = placement.Address;
            }
        }

        _addresses = addresses;
    }

    /// <summary>Every scaling group, as read.</summary>
    public IReadOnlyList<AutoScalingGroupDocument> Groups { get; }

    public static async Task<InstanceDirectory> LoadAsync(IGreenlightStore store, CancellationToken ct)
    {
        var groups = await AutoScalingGroupStore.ListAsync(store, ct);
        var instances = (await store.ListResourcesAsync(ResourceKinds.Instance, null, ct)).Select(r => (r.Key, Info: Api.Documents.Read<Contracts.V1.InstanceInfo>(r.Body))).ToList();
        var registered = instances.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var addresses = instances.Where(i => i.Info.Address is not null).ToDictionary(i => i.Key, i => i.Info.Address!, StringComparer.Ordinal);
        return new InstanceDirectory(groups, registered, addresses);
    }

    /// <summary>A directory of these scaling groups and registered instance names (tests, and callers that already read them).</summary>
    public static InstanceDirectory For(IReadOnlyList<AutoScalingGroupDocument> groups, IReadOnlySet<string> registered) => new(groups, registered);

    /// <summary>The host requests to the instance go to.</summary>
    public string HostOf(string instanceId) => _addresses.GetValueOrDefault(instanceId, RegisteredHost);

    /// <summary>Registered by name or enrollment, or a not yet terminated instance of a scaling group.</summary>
    public bool Exists(string instanceId) =>
        _registered.Contains(instanceId) ||
        Groups.Any(g => g.State.Instances.Any(i => i.InstanceId == instanceId && i.State != LifecycleState.Terminated));

    /// <summary>The InService instances of a scaling group.</summary>
    public static IEnumerable<string> InService(AutoScalingGroupDocument group) =>
        group.State.Instances.Where(i => i.State == LifecycleState.InService).Select(i => i.InstanceId);

    /// <summary>The scaling group attached to <paramref name="targetGroup"/> that has the instance (any state but Terminated), if any.</summary>
    public AutoScalingGroupDocument? AttachedOwner(string instanceId, string targetGroup) =>
        Groups.FirstOrDefault(g => g.TargetGroupNames.Contains(targetGroup) &&
                                   g.State.Instances.Any(i => i.InstanceId == instanceId && i.State != LifecycleState.Terminated));
}
