using System.Net;
using System.Net.Sockets;

namespace Greenlight.Cli.Tests.Api;

/// <summary>A server that is not running: every kind of verb says so, names the fix, and exits 2 (nothing ran).</summary>
public sealed class UnreachableServerTests
{
    [Theory]
    [InlineData("application list", "error: ")]
    [InlineData("asg scale web 3", "error: ")]
    [InlineData("deploy --app web --group prod --revision abc", "greenlight deploy: ")]
    [InlineData("deployment get d-ABCDEFGHI", "greenlight deployment get: ")]
    [InlineData("rollback --app web --group prod", "greenlight rollback: ")]
    public void Verb_ClosedLoopbackPort_ExitsTwoNamingTheServerAndTheFix(string command, string prefix)
    {
        var url = $"http://127.0.0.1:{ClosedPort()}";

        var result = CliRunner.Run([.. command.Split(' '), "--server", url, "--token", "t"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{prefix}cannot reach the server at {url}: ", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("(is `greenlight up` or `greenlight server` running?)\n", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on: one the OS just handed out and took back.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
