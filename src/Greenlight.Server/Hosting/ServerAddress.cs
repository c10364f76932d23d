namespace Greenlight.Server.Hosting;

/// <summary>The URL the server listens on, known once Kestrel has bound (a port of 0 picks a free one). Local instances' agents use it.</summary>
public sealed class ServerAddress
{
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set(string url) => _url.TrySetResult(url);

    public Task<string> UrlAsync(CancellationToken cancellationToken) => _url.Task.WaitAsync(cancellationToken);
}
