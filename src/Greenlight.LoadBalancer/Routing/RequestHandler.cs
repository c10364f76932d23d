using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Greenlight.LoadBalancer.Routing;

/// <summary>
/// A listener's terminal middleware: reads one routing snapshot, picks the target group by the listener's forward weights,
/// the pool by the group's green weight and the target by the group's algorithm, and forwards with YARP's
/// <see cref="IHttpForwarder"/>. Retries are off: a request that fails to reach its target is answered by YARP (502, or 504
/// on a timeout) and counted as a connection error; nothing is sent twice. No healthy target: 503 from the load balancer.
/// </summary>
internal sealed class RequestHandler(
    string listenerKey,
    Func<RoutingSnapshot> snapshot,
    IHttpForwarder forwarder,
    HttpMessageInvoker invoker,
    IRandomSource random)
{
    private static readonly ForwarderRequestConfig RequestConfig = ForwarderRequestConfig.Empty;

    public async Task HandleAsync(HttpContext context)
    {
        if (!snapshot().Listeners.TryGetValue(listenerKey, out var route) || route.Groups.Length == 0)
        {
            await RespondAsync(context, "the listener forwards to no target group").ConfigureAwait(false);
            return;
        }

        var group = route.Groups[WeightedChoice.Pick(route.RunningWeights, random)];
        var target = TargetPicker.Pick(group, random);
        if (target is null)
        {
            group.Meter.RecordNoHealthyTarget();
            await RespondAsync(context, group.NoHealthyTargetMessage).ConfigureAwait(false);
            return;
        }

        target.BeginRequest();
        var started = Stopwatch.GetTimestamp();
        ForwarderError error;
        try
        {
            error = await forwarder.SendAsync(context, target.Prefix, invoker, RequestConfig, HttpTransformer.Default, target.CutOffToken)
                .ConfigureAwait(false);
        }
        finally
        {
            target.EndRequest();
        }

        if (error != ForwarderError.None)
        {
            target.Meter.RecordConnectionError();
            group.Meter.RecordConnectionError();
            return;
        }

        var latencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var status = context.Response.StatusCode;
        target.Meter.RecordResponse(status, latencyMs);
        group.Meter.RecordResponse(status, latencyMs);
    }

    private static Task RespondAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }
}
