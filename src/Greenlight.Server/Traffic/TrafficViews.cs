using Greenlight.Contracts.V1;
using Greenlight.LoadBalancer.Status;

namespace Greenlight.Server.Traffic;

/// <summary>Load balancers and target groups as the API shows them: the stored document joined with what the runtime reports now.</summary>
public static class TrafficViews
{
    public static LoadBalancerInfo LoadBalancer(LoadBalancerDocument doc, IReadOnlyList<ListenerStatus> running) => new(
        doc.Name,
        [
            .. doc.Listeners.Select(l =>
            {
                var status = running.FirstOrDefault(s => s.LoadBalancer == doc.Name && s.Address == l.Address);
                var state = status is { Error: null, BoundAddress: not null } ? "active" : "failed";
                var error = status is null ? "not running" : status.Error;
                return new ListenerInfo(l.Address!, l.Protocol ?? "HTTP", l.Forward ?? [], l.CertificateFile, state, status?.BoundAddress, state == "active" ? null : error);
            }),
        ],
        doc.CreatedTime);

    public static TargetGroupInfo TargetGroup(TargetGroupDocument doc, IReadOnlyList<TargetStatus> running, InstanceDirectory directory, IReadOnlyList<LoadBalancerDocument> balancers) => new(
        doc.Name,
        doc.Port,
        doc.HealthCheck,
        doc.DeregistrationDelaySeconds,
        doc.Algorithm,
        doc.GreenWeight,
        Targets(doc, running, directory),
        [.. balancers.Where(b => b.Listeners.Any(l => (l.Forward ?? []).Any(f => f.TargetGroupName == doc.Name))).Select(b => b.Name)],
        doc.CreatedTime);

    /// <summary>
    /// The group's registered targets with the runtime's state (<c>initial</c> until the runtime has it), then the
    /// targets still draining after they left the document.
    /// </summary>
    public static IReadOnlyList<TargetHealthInfo> Targets(TargetGroupDocument doc, IReadOnlyList<TargetStatus> running, InstanceDirectory directory)
    {
        var mine = running.Where(s => s.TargetGroup == doc.Name).ToList();
        var registered = doc.Targets.Select(t =>
        {
            var status = mine.FirstOrDefault(s => s.Id == t.InstanceId && s.State != TargetState.Draining);
            return new TargetHealthInfo(t.InstanceId, directory.HostOf(t.InstanceId), t.Port, t.Pool, StateName(status?.State ?? TargetState.Initial), status?.Reason, status?.InFlight ?? 0);
        });
        var draining = mine
            .Where(s => s.State == TargetState.Draining && doc.Find(s.Id) is null)
            .Select(s => new TargetHealthInfo(s.Id, s.Host, s.Port, s.Pool == Greenlight.LoadBalancer.Configuration.TargetPool.Green ? TargetGroupDocument.Green : TargetGroupDocument.Blue,
                StateName(TargetState.Draining), s.Reason, s.InFlight));
        return [.. registered, .. draining];
    }

    public static string StateName(TargetState state) => state.ToString().ToLowerInvariant();

    public static TrafficMetrics Metrics(MetricsWindow w) => new(
        w.Requests, w.Responses2xx, w.Responses3xx, w.Responses4xx, w.Responses5xx, w.ConnectionErrors, w.LatencyP50Ms, w.LatencyP90Ms, w.LatencyP99Ms, w.HealthTransitions);
}
