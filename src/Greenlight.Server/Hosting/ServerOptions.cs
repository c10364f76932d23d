namespace Greenlight.Server.Hosting;

/// <summary>
/// How a server runs. <see cref="Database"/> is <c>sqlite</c> (a file in the data directory), <c>sqlite:PATH</c>
/// or <c>postgres://user:password@host:port/database</c>. <see cref="TestProfile"/> shortens the engine's poll
/// interval and arms the crash points from GREENLIGHT_CRASH_POINT; it is never on in production.
/// </summary>
public sealed record ServerOptions(
    string DataDirectory,
    string Listen = "127.0.0.1:7480",
    string Database = "sqlite",
    bool TestProfile = false,
    long MaxBundleBytes = 1L << 30,
    IReadOnlyList<string>? AllowedRevisionHosts = null)
{
    /// <summary>An agent silent this long while running an event is reported lost.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How the server starts the agents of <c>local</c> instances, e.g. <c>["dotnet", "/opt/greenlight/greenlight.dll"]</c>
    /// or <c>["/usr/local/bin/greenlight"]</c>; <c>agent</c> and its options are added. Null: this process's own command
    /// (<see cref="Fleet.Local.LocalAgentCommand.Resolve"/>), which is right under <c>greenlight server</c>.
    /// </summary>
    public IReadOnlyList<string>? AgentCommand { get; init; }

    /// <summary>Hosts besides loopback whose Prometheus alarms may query (<c>--allow-metrics-host</c>).</summary>
    public IReadOnlyList<string>? AllowedMetricsHosts { get; init; }

    public const string CrashPointVariable = "GREENLIGHT_CRASH_POINT";

    public string AdminTokenPath => Path.Combine(DataDirectory, "admin.token");

    public string RevisionsDirectory => Path.Combine(DataDirectory, "revisions");
}
