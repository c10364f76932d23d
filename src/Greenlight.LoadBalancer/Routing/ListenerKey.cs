using Greenlight.LoadBalancer.Configuration;

namespace Greenlight.LoadBalancer.Routing;

/// <summary>A listener's identity: its load balancer and address. A listener whose address changes is another listener.</summary>
internal static class ListenerKey
{
    public static string Of(ListenerConfig listener) => listener.LoadBalancer + "\n" + listener.Address;
}
