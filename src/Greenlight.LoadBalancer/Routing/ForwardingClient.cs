using System.Net;

namespace Greenlight.LoadBalancer.Routing;

/// <summary>
/// The one HTTP client requests are forwarded with (YARP's direct-forwarding settings): no proxy, no redirects, no
/// decompression, no cookies, no tracing headers, a 5 s connect timeout and short-lived idle connections (a target that
/// goes away does not leave connections behind for long).
/// </summary>
internal static class ForwardingClient
{
    public static HttpMessageInvoker Create() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ActivityHeadersPropagator = null,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(15),
        EnableMultipleHttp2Connections = true,
    }, disposeHandler: true);
}
