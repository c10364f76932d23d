using System.Security.Cryptography;
using Greenlight.Agent.Events;
using Greenlight.Agent.Protocol;
using Greenlight.Contracts.V1;
using Greenlight.Testing;

namespace Greenlight.Agent.Tests.Events;

/// <summary>
/// DownloadBundle with the agent's real HTTP client against a loopback origin that counts bundle requests: a revision
/// whose bundle is already on the host (a rollback to what it ran before) is not downloaded again, unless that copy no
/// longer matches its SHA-256.
/// </summary>
public sealed class DownloadBundleHandlerTests
{
    [Fact]
    public async Task RunAsync_RevisionAlreadyOnTheHost_CopiesItWithoutADownloadAndSaysSo()
    {
        using var dir = new TempDirectory("gl-reuse");
        var bundle = TestBundles.Zip("v1");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bundle));
        var requests = 0;
        await using var origin = LoopbackOrigin.Serve(async response =>
        {
            Interlocked.Increment(ref requests);
            await response.OutputStream.WriteAsync(bundle);
        });
        using var client = new AgentClient(origin.Url, TimeSpan.FromMilliseconds(50), maxAttempts: 1);
        var handler = new DownloadBundleHandler(new AgentOptions(origin.Url, dir.Path, "i-1"), client);
        var first = new Lines();
        var second = new Lines();

        var downloaded = await handler.RunAsync(Ticket("d-FIRST0001", sha), first, _ => { }, CancellationToken.None);
        var reused = await handler.RunAsync(Ticket("d-AGAIN0001", sha), second, _ => { }, CancellationToken.None);

        Assert.True(downloaded.Succeeded);
        Assert.True(reused.Succeeded, reused.Diagnostics?.Message);
        Assert.Equal(1, requests);
        Assert.Contains(first.All, l => l.StartsWith("downloaded ", StringComparison.Ordinal));
        Assert.Contains(second.All, l => l.StartsWith("reused the bundle already on this host from deployment d-FIRST0001", StringComparison.Ordinal) && l.EndsWith("no download", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(AgentPaths.Archive(dir.Path, "g-1", "d-AGAIN0001"), "appspec.yml")));
    }

    [Fact]
    public async Task RunAsync_CopyOnTheHostNoLongerMatches_DownloadsAgain()
    {
        using var dir = new TempDirectory("gl-reuse");
        var bundle = TestBundles.Zip("v1");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bundle));
        var requests = 0;
        await using var origin = LoopbackOrigin.Serve(async response =>
        {
            Interlocked.Increment(ref requests);
            await response.OutputStream.WriteAsync(bundle);
        });
        using var client = new AgentClient(origin.Url, TimeSpan.FromMilliseconds(50), maxAttempts: 1);
        var handler = new DownloadBundleHandler(new AgentOptions(origin.Url, dir.Path, "i-1"), client);
        await handler.RunAsync(Ticket("d-FIRST0001", sha), new Lines(), _ => { }, CancellationToken.None);
        await File.AppendAllTextAsync(Path.Combine(AgentPaths.DeploymentRoot(dir.Path, "g-1", "d-FIRST0001"), "bundle.zip"), "tampered");
        var lines = new Lines();

        var outcome = await handler.RunAsync(Ticket("d-AGAIN0001", sha), lines, _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Diagnostics?.Message);
        Assert.Equal(2, requests);
        Assert.DoesNotContain(lines.All, l => l.StartsWith("reused", StringComparison.Ordinal));
    }

    private static AgentTicket Ticket(string deploymentId, string sha) =>
        new($"{deploymentId}/i-1/DownloadBundle/1", "run", deploymentId, "i-1", "DownloadBundle", 1, "Revision", sha, "web", "prod", "g-1");

    private sealed class Lines : ILogSink
    {
        public List<string> All { get; } = [];

        public void Write(string stream, string line) => All.Add(line);
    }
}
