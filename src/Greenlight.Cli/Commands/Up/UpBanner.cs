namespace Greenlight.Cli.Commands.Up;

/// <summary>The few lines <c>greenlight up</c> prints once it runs: where things are and how to point the CLI at it.</summary>
internal static class UpBanner
{
    public static IReadOnlyList<string> Lines(string apiUrl, string loadBalancerUrl, string dataDirectory, string tokenPath, string? logPath) =>
    [
        $"Greenlight is up (all-in-one: server, local fleet, load balancer). Ctrl-C stops it and everything it started.",
        $"  API:            {apiUrl}",
        $"  load balancer:  {loadBalancerUrl}  (load balancer local -> target group local-web, port 18080)",
        $"  data:           {dataDirectory}",
        $"  admin token:    {tokenPath}",
        .. logPath is null ? Array.Empty<string>() : [$"  server log:     {logPath}"],
        "Point the CLI at it:",
        $"  export GREENLIGHT_SERVER={apiUrl} GREENLIGHT_TOKEN_FILE={tokenPath}",
        $"  or: greenlight context add local --server {apiUrl} --token-file {tokenPath}",
        "Then e.g.: greenlight application create web; greenlight load-balancer list",
    ];
}
