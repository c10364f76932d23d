using System.Net;
using Greenlight.Contracts.V1;
using Greenlight.Server.Api;

namespace Greenlight.Server.Traffic;

/// <summary>
/// Checks a load balancer's listeners; every problem names the field (<c>listeners[1].address ...</c>) with code
/// InvalidLoadBalancerException. Binding is not checked here: the runtime tries, and the API undoes a change whose
/// listener could not bind.
/// </summary>
public static class LoadBalancerValidation
{
    public const int MaxForward = 5;

    public const int MaxWeight = 999;

    /// <summary>
    /// Null when the listeners are valid. <paramref name="targetGroups"/>: the names that exist; <paramref name="others"/>:
    /// the other load balancers (no two may listen on one address:port); <paramref name="server"/>: the API's own endpoint.
    /// </summary>
    public static ApiError? Listeners(IReadOnlyList<ListenerSpec>? listeners, IReadOnlySet<string> targetGroups, IReadOnlyList<LoadBalancerDocument> others, IPEndPoint? server)
    {
        if (listeners is null || listeners.Count == 0)
        {
            return Invalid("listeners: a load balancer needs at least one listener");
        }

        var mine = new List<IPEndPoint>();
        for (var i = 0; i < listeners.Count; i++)
        {
            var field = $"listeners[{i}]";
            var listener = listeners[i];
            if (listener is null)
            {
                return Invalid($"{field}: a listener is required");
            }

            if (Address(field, listener.Address, server, mine, others) is { } addressProblem)
            {
                return addressProblem;
            }

            mine.Add(ListenerAddresses.Parse(listener.Address)!);
            if (Protocol(field, listener) is { } protocolProblem)
            {
                return protocolProblem;
            }

            if (Forward(field, listener.Forward, targetGroups) is { } forwardProblem)
            {
                return forwardProblem;
            }
        }

        return null;
    }

    private static ApiError? Address(string field, string? address, IPEndPoint? server, List<IPEndPoint> mine, IReadOnlyList<LoadBalancerDocument> others)
    {
        if (ListenerAddresses.Parse(address) is not { } endpoint)
        {
            return Invalid($"{field}.address '{address}' must be HOST:PORT with an IPv4 address, [IPv6] or localhost (e.g. 127.0.0.1:8080)");
        }

        if (!ListenerAddresses.IsLocal(endpoint.Address))
        {
            return Invalid($"{field}.address '{address}' is not an address of this machine: use a loopback or local address");
        }

        if (server is not null && ListenerAddresses.Overlap(endpoint, server))
        {
            return Invalid($"{field}.address '{address}' is the server's own API address");
        }

        if (mine.Any(m => ListenerAddresses.Overlap(endpoint, m)))
        {
            return Invalid($"{field}.address '{address}' is used by another listener of this load balancer");
        }

        foreach (var other in others)
        {
            if (other.Listeners.Any(l => ListenerAddresses.Parse(l.Address) is { } taken && ListenerAddresses.Overlap(endpoint, taken)))
            {
                return Invalid($"{field}.address '{address}' is used by load balancer '{other.Name}'");
            }
        }

        return null;
    }

    private static ApiError? Protocol(string field, ListenerSpec listener)
    {
        var protocol = listener.Protocol ?? "HTTP";
        if (protocol is not ("HTTP" or "HTTPS"))
        {
            return Invalid($"{field}.protocol '{listener.Protocol}' must be HTTP or HTTPS");
        }

        if (protocol == "HTTP")
        {
            return listener.CertificateFile is null && listener.CertificateKeyFile is null
                ? null
                : Invalid($"{field}.certificateFile: only an HTTPS listener takes a certificate");
        }

        if (string.IsNullOrEmpty(listener.CertificateFile))
        {
            return Invalid($"{field}.certificateFile is required for HTTPS (a PFX file, or a PEM certificate with certificateKeyFile)");
        }

        if (!File.Exists(listener.CertificateFile))
        {
            return Invalid($"{field}.certificateFile '{listener.CertificateFile}' does not exist on the server");
        }

        return listener.CertificateKeyFile is { } key && !File.Exists(key)
            ? Invalid($"{field}.certificateKeyFile '{key}' does not exist on the server")
            : null;
    }

    private static ApiError? Forward(string field, IReadOnlyList<ForwardTargetGroup>? forward, IReadOnlySet<string> targetGroups)
    {
        if (forward is null || forward.Count is 0 or > MaxForward)
        {
            return Invalid($"{field}.forward must name 1 to {MaxForward} target groups");
        }

        for (var j = 0; j < forward.Count; j++)
        {
            var entry = forward[j];
            var name = $"{field}.forward[{j}]";
            if (entry?.TargetGroupName is not { } group || !targetGroups.Contains(group))
            {
                return Invalid($"{name}.targetGroupName '{entry?.TargetGroupName}' does not exist; create the target group first");
            }

            if (forward.Take(j).Any(f => f.TargetGroupName == group))
            {
                return Invalid($"{name}.targetGroupName '{group}' is named twice");
            }

            if (entry.Weight is < 0 or > MaxWeight)
            {
                return Invalid($"{name}.weight {entry.Weight} must be from 0 to {MaxWeight}");
            }
        }

        return forward.All(f => f.Weight == 0) ? Invalid($"{field}.forward: at least one weight must be more than 0") : null;
    }

    public static ApiError Invalid(string message) => ApiErrors.Invalid("InvalidLoadBalancerException", message);

    public static ApiError NotFound(string name) => ApiErrors.NotFound("LoadBalancerNotFoundException", $"load balancer '{name}' does not exist");
}
