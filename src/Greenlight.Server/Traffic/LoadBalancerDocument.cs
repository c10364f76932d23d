using Greenlight.Contracts.V1;

namespace Greenlight.Server.Traffic;

/// <summary>
/// A load balancer as stored (resource kind <c>load-balancer</c>): its name and listeners, as the user gave them
/// (validated). How each listener runs (bound address, error) comes from the runtime, not from here.
/// </summary>
public sealed record LoadBalancerDocument(string Name, IReadOnlyList<ListenerSpec> Listeners, DateTimeOffset CreatedTime);
