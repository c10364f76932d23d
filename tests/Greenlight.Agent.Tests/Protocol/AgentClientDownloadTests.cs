using System.Security.Cryptography;
using Greenlight.Agent.Protocol;
using Greenlight.Testing;

namespace Greenlight.Agent.Tests.Protocol;

/// <summary>Catalogue B4: a bundle over the byte cap, and a download that stalls, are aborted; nothing is left on disk.</summary>
public sealed class AgentClientDownloadTests
{
    [Fact]
    public async Task DownloadAsync_WithinLimits_ReturnsTheSha256()
    {
        var body = RandomNumberGenerator.GetBytes(10_000);
        using var dir = new TempDirectory();
        await using var origin = LoopbackOrigin.Serve(async response => await response.OutputStream.WriteAsync(body));
        using var client = new AgentClient(origin.Url, TimeSpan.FromMilliseconds(50), maxAttempts: 1);

        var sha = await client.DownloadAsync("web", new string('a', 64), dir.Combine("b.zip"), 1 << 20, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), sha);
    }

    [Fact]
    public async Task DownloadAsync_BodyOverTheCap_StopsAndDeletesThePartialFile()
    {
        using var dir = new TempDirectory();
        await using var origin = LoopbackOrigin.Serve(async response =>
        {
            response.SendChunked = true; // ignores any Content-Length: keeps sending
            for (var i = 0; i < 64; i++)
            {
                await response.OutputStream.WriteAsync(new byte[16 * 1024]);
            }
        });
        using var client = new AgentClient(origin.Url, TimeSpan.FromMilliseconds(50), maxAttempts: 1);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            client.DownloadAsync("web", new string('a', 64), dir.Combine("b.zip"), 64 * 1024, TimeSpan.FromSeconds(30), CancellationToken.None));

        Assert.Contains("larger than the agent's limit of 65536 bytes", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Combine("b.zip")));
    }

    [Fact]
    public async Task DownloadAsync_StallingServer_IsAbortedAtTheDeadline()
    {
        using var dir = new TempDirectory();
        using var release = new CancellationTokenSource();
        await using var origin = LoopbackOrigin.Serve(async response =>
        {
            response.SendChunked = true;
            await response.OutputStream.WriteAsync(new byte[10]);
            await response.OutputStream.FlushAsync();
            await Task.Delay(Timeout.Infinite, release.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using var client = new AgentClient(origin.Url, TimeSpan.FromMilliseconds(50), maxAttempts: 1);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            client.DownloadAsync("web", new string('a', 64), dir.Combine("b.zip"), 1 << 20, TimeSpan.FromSeconds(1), CancellationToken.None));
        await release.CancelAsync();

        Assert.Contains("did not finish within 1 s", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Combine("b.zip")));
    }
}
