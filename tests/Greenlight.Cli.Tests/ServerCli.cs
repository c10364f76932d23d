using System.Text.Json.Nodes;
using Greenlight.Testing;

namespace Greenlight.Cli.Tests;

/// <summary>A real server on loopback (SQLite in a temp directory) and the CLI pointed at it with the admin token.</summary>
internal sealed class ServerCli : IAsyncDisposable
{
    private ServerCli(TestServer server) => Server = server;

    public TestServer Server { get; }

    /// <summary>Starts the server; <paramref name="allowedRevisionHosts"/> are the hosts it downloads revisions from.</summary>
    public static async Task<ServerCli> StartAsync(IReadOnlyList<string>? allowedRevisionHosts = null) => new(await TestServer.StartAsync(allowedRevisionHosts));

    /// <summary>Runs <c>greenlight ARGS --server URL --token-file DATA/admin.token</c>.</summary>
    public CliResult Run(params string[] args) =>
        CliRunner.Run([.. args, "--server", Server.Host.Url, "--token-file", Path.Combine(Server.DataDirectory, "admin.token")]);

    /// <summary>Runs the verb with <c>-o json</c>, checks it succeeded, and parses what it printed.</summary>
    public JsonNode Json(params string[] args)
    {
        var result = Run([.. args, "-o", "json"]);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        return JsonNode.Parse(result.Stdout)!;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
