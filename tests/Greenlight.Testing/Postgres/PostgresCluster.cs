using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace Greenlight.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster for the contract tests: initdb into a fresh temp directory (as the postgres user
/// when the tests run as root, since postgres refuses to run as root), trust authentication, listening only on
/// 127.0.0.1 at a free port with its socket in the temp directory. Each test gets a schema of its own from
/// <see cref="CreateSchemaAsync"/>. Dispose stops exactly the postmaster this fixture started and deletes the
/// directory. If PostgreSQL cannot be found or started, every test using it fails with the reason and the install hint.
/// fsync is off: a server crash (<see cref="CrashAndRestartAsync"/>) is survived without it, an OS crash is not, and
/// this cluster tests SQL semantics, concurrency and server restarts, not power loss.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string root = Path.Combine(Path.GetTempPath(), "greenlight-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private string binDirectory = "";
    private int schemaCount;
    private int? postmasterPid;
    private NpgsqlDataSource? tests;

    public const string DatabaseName = "greenlight_tests";

    public int Port { get; private set; }

    /// <summary>How long initdb plus start took.</summary>
    public TimeSpan StartupTime { get; private set; }

    private string DataDirectory => Path.Combine(root, "data");

    private static bool AsPostgresUser => Environment.IsPrivilegedProcess;

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        binDirectory = PostgresBinaries.FindBinDirectory(out var tried)
            ?? throw new InvalidOperationException(
                "PostgreSQL is needed by the store contract tests but initdb/pg_ctl were not found; looked in: "
                + string.Join(", ", tried) + ". " + PostgresBinaries.InstallHint);
        try
        {
            Directory.CreateDirectory(root);
            if (AsPostgresUser)
            {
                await ProcessRunner.RunAsync("chown", ["postgres:postgres", root], CommandTimeout);
            }
            await InitDbAsync();
            await StartAsync();
            StartupTime = clock.Elapsed;
            await using (var admin = NpgsqlDataSource.Create(ConnectionString("postgres")))
            await using (var create = admin.CreateCommand($"CREATE DATABASE {DatabaseName}"))
            {
                await create.ExecuteNonQueryAsync();
            }
            tests = NpgsqlDataSource.Create(ConnectionString(DatabaseName));
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            await DisposeAsync();
            throw new InvalidOperationException(
                $"Could not start a throwaway PostgreSQL cluster with {binDirectory}/initdb and pg_ctl in {root}"
                + (AsPostgresUser ? " (as the postgres user via runuser)" : "") + ": " + e.Message + "\n" + PostgresBinaries.InstallHint, e);
        }
    }

    /// <summary>
    /// A new empty schema in the test database, and a connection string whose search_path puts it first, so each
    /// test sees only its own tables. A schema takes milliseconds; CREATE DATABASE took about 200 ms each here.
    /// </summary>
    public async Task<string> CreateSchemaAsync()
    {
        var schema = "store_" + Interlocked.Increment(ref schemaCount);
        await using var command = tests!.CreateCommand($"CREATE SCHEMA {schema}");
        await command.ExecuteNonQueryAsync();
        return ConnectionString(DatabaseName, schema);
    }

    public static string SearchPathOption(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).SearchPath ?? "";

    private string ConnectionString(string database, string? schema = null) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, SearchPath = schema,
        }.ConnectionString;

    public async Task DisposeAsync()
    {
        if (tests is not null)
        {
            await tests.DisposeAsync();
        }
        NpgsqlConnection.ClearAllPools();
        if (postmasterPid is { } pid)
        {
            try
            {
                await RunPostgresToolAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
            }
            catch (InvalidOperationException)
            {
                KillPostmaster(pid);
            }
        }
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Prefers ICU en-US as the default collation, as a production database often has, so tests catch any ordering
    /// that silently depends on the collation; falls back to the C locale where PostgreSQL was built without ICU.
    /// </summary>
    private async Task InitDbAsync()
    {
        string[] common = ["-D", DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"];
        try
        {
            await RunPostgresToolAsync("initdb", [.. common, "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US"]);
        }
        catch (InvalidOperationException)
        {
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            await RunPostgresToolAsync("initdb", [.. common, "--locale=C"]);
        }
    }

    /// <summary>Starts on a free port; another process may take the port between the probe and the start, so retry.</summary>
    private async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                await PgCtlStartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>
    /// Crashes the server (<c>pg_ctl -m immediate stop</c>: no shutdown checkpoint, recovery from WAL at the next
    /// start) and starts it again on the same port: the F4 "database restart" fault.
    /// </summary>
    public async Task CrashAndRestartAsync()
    {
        await RunPostgresToolAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        postmasterPid = null;
        await PgCtlStartAsync();
        tests?.Clear(); // its pooled connections died with the server
    }

    /// <summary>Crashes the server and leaves it down until <see cref="StartAgainAsync"/>: a longer database outage.</summary>
    public async Task CrashAsync()
    {
        await RunPostgresToolAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        postmasterPid = null;
    }

    public async Task StartAgainAsync()
    {
        await PgCtlStartAsync();
        tests?.Clear();
    }

    private async Task PgCtlStartAsync()
    {
        await RunPostgresToolAsync(
            "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
        postmasterPid = int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First());
    }

    private Task<string> RunPostgresToolAsync(string tool, params string[] arguments)
    {
        var program = Path.Combine(binDirectory, tool);
        return AsPostgresUser
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], CommandTimeout)
            : ProcessRunner.RunAsync(program, arguments, CommandTimeout);
    }

    private static void KillPostmaster(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // already gone
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
