namespace Greenlight.Cli.Commands.Demo;

/// <summary>
/// One request of the demo's load: when it was sent (since the load started), the status (0 when nothing answered),
/// the version that answered (the sample app's X-Sample-Version), and the transport error if there was one.
/// </summary>
internal sealed record LoadAnswer(long Id, TimeSpan SentAt, int Status, string? Version, string? Error)
{
    public bool Served => Error is null && Status is >= 200 and < 300;
}
