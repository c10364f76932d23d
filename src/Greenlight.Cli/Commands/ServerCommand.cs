using System.CommandLine;
using System.Globalization;
using Greenlight.Cli.Commands.Hosting;
using Greenlight.Cli.Commands.Plan;
using Greenlight.Server.Hosting;

namespace Greenlight.Cli.Commands;

/// <summary>
/// <c>greenlight server</c>: runs the control plane until Ctrl-C or SIGTERM. Prints where it listens and, on the
/// first start, the admin token (also written to DATA/admin.token, mode 0600). Bad options or an unreachable
/// database are one line on stderr and exit code 2.
/// </summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data", "-d")
        {
            Description = "Data directory: the SQLite database, the revision store and admin.token. Created if missing.",
            HelpName = "DIR",
        };
        var listen = new Option<string>("--listen", "-l")
        {
            Description = "Address and port of the HTTP API (default 127.0.0.1:7480; port 0 picks a free one).",
            HelpName = "ADDRESS:PORT",
            DefaultValueFactory = _ => "127.0.0.1:7480",
        };
        var database = new Option<string>("--database")
        {
            Description = "sqlite (default: DIR/greenlight.db), sqlite:PATH, or postgres://USER:PASSWORD@HOST:PORT/DATABASE.",
            HelpName = "DATABASE",
            DefaultValueFactory = _ => "sqlite",
        };
        var maxBundle = new Option<string>("--max-bundle-size")
        {
            Description = "Largest revision bundle accepted, in bytes or with KiB, MiB, GiB (default 1GiB).",
            HelpName = "SIZE",
            DefaultValueFactory = _ => "1GiB",
        };
        var allowHost = new Option<string[]>("--allow-revision-host")
        {
            Description = "A host the server may download revisions from when they are registered by URL (repeat for more). None by default.",
            HelpName = "HOST",
        };
        var allowMetricsHost = new Option<string[]>("--allow-metrics-host")
        {
            Description = "A host besides loopback whose Prometheus the server may query for alarms (repeat for more). Loopback is always allowed.",
            HelpName = "HOST",
        };
        var heartbeat = new Option<string>("--agent-heartbeat-timeout")
        {
            Description = "An agent silent this long while running an event is reported lost (default 30s).",
            HelpName = "DURATION",
            DefaultValueFactory = _ => "30s",
        };
        var testProfile = new Option<bool>("--test-profile")
        {
            Description = "For Greenlight's own tests: fast engine polling and the crash points of GREENLIGHT_CRASH_POINT. Never in production.",
        };

        var command = new Command("server",
            "Run the Greenlight control plane: HTTP API, deployment engine and revision store.\n" +
            "Examples:\n" +
            "  greenlight server --data /var/lib/greenlight\n" +
            "  greenlight server --data ./gl --listen 127.0.0.1:8080 --database postgres://greenlight:secret@127.0.0.1:5432/greenlight\n" +
            "Exit codes: 0 stopped by Ctrl-C or SIGTERM; 2 bad options, or the database or address cannot be used.")
        {
            data, listen, database, maxBundle, allowHost, allowMetricsHost, heartbeat, testProfile,
        };
        command.Action = new UsageErrorAwareAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            if (UsageErrorAwareAction.Problem(parseResult) is { } bad)
            {
                return Usage(stderr, bad);
            }

            if (parseResult.GetValue(data) is not { Length: > 0 } dataDir)
            {
                return Usage(stderr, "--data DIR is required: the directory where the server keeps its database, revisions and admin token");
            }

            if (!TryParseSize(parseResult.GetValue(maxBundle)!, out var maxBytes))
            {
                return Usage(stderr, $"--max-bundle-size '{parseResult.GetValue(maxBundle)}' is not a size such as 500MiB or 1GiB");
            }

            if (!Core.Traffic.TrafficScheduleParser.TryParseDuration(parseResult.GetValue(heartbeat)!, out var heartbeatTimeout) || heartbeatTimeout <= TimeSpan.Zero)
            {
                return Usage(stderr, $"--agent-heartbeat-timeout '{parseResult.GetValue(heartbeat)}' is not a duration such as 30s or 2m");
            }

            var options = new ServerOptions(Path.GetFullPath(dataDir), parseResult.GetValue(listen)!, parseResult.GetValue(database)!,
                parseResult.GetValue(testProfile), maxBytes, parseResult.GetValue(allowHost) ?? [])
            {
                HeartbeatTimeout = heartbeatTimeout,
                AllowedMetricsHosts = parseResult.GetValue(allowMetricsHost) ?? [],
            };
            return RunAsync(options, stdout, stderr).GetAwaiter().GetResult();
        });
        return command;
    }

    private static async Task<int> RunAsync(ServerOptions options, TextWriter stdout, TextWriter stderr)
    {
        using var signal = new ShutdownSignal();
        var (server, problem) = await InProcessServer.StartAsync(options, ServerLogging.Console, signal.Token);
        if (server is null)
        {
            return Usage(stderr, problem!);
        }

        await using (server)
        {
            var host = server.Host;
            stdout.WriteLine($"Greenlight server listening on {host.Url}");
            stdout.WriteLine($"Data directory: {options.DataDirectory} (database: {Describe(options.Database)})");
            stdout.WriteLine(host.NewAdminToken is { } token
                ? $"Admin token (shown once; also in {options.AdminTokenPath}): {token}"
                : $"Admin token: in {options.AdminTokenPath}");
            stdout.WriteLine($"Use it: export GREENLIGHT_SERVER={host.Url} GREENLIGHT_TOKEN_FILE={options.AdminTokenPath}");
            stdout.WriteLine($"    or: greenlight context add NAME --server {host.Url} --token-file {options.AdminTokenPath}");
            stdout.Flush();
            try
            {
                await host.WaitForShutdownAsync(signal.Token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or SIGTERM: stop cleanly below.
            }
        }

        return ExitCodes.Success;
    }

    private static string Describe(string database) =>
        database.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) ? "PostgreSQL" : "SQLite";

    internal static bool TryParseSize(string text, out long bytes)
    {
        var units = new (string Suffix, long Factor)[] { ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10), ("B", 1), ("", 1) };
        foreach (var (suffix, factor) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) &&
                long.TryParse(text[..^suffix.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= long.MaxValue / factor)
            {
                bytes = n * factor;
                return true;
            }
        }

        bytes = 0;
        return false;
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine("greenlight server: " + message);
        return ExitCodes.UsageError;
    }
}
