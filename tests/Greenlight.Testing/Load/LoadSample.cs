namespace Greenlight.Testing.Load;

/// <summary>
/// One request of a <see cref="LoadGenerator"/>: when it was sent and answered (since the generator started), the
/// status (0 when there was no response), the version that answered (the sample app's X-Sample-Version), whether the
/// answer echoed the request's id, and the transport error if there was one.
/// </summary>
public sealed record LoadSample(long Id, string Path, TimeSpan SentAt, TimeSpan? AnsweredAt, int Status, string? Version, bool EchoedId, string? Error)
{
    public bool Succeeded => Error is null && Status is >= 200 and < 300 && EchoedId;
}
