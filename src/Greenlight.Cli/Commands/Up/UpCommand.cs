using System.CommandLine;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Hosting;
using Greenlight.Cli.Commands.Plan;
using Greenlight.Server.Hosting;

namespace Greenlight.Cli.Commands.Up;

/// <summary>
/// <c>greenlight up</c>: the all-in-one for one machine. A server with SQLite in the data directory, its local fleet
/// provider and its built-in load balancer, with a load balancer <c>local</c> and a target group <c>local-web</c>
/// (created once). Logs go to DATA/server.log unless <c>--verbose</c>. Ctrl-C or SIGTERM stops the server, which stops
/// its local instances and what their hooks started.
/// </summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data", "-d")
        {
            Description = "Data directory (default: $XDG_DATA_HOME/greenlight or ~/.local/share/greenlight): database, revisions, instances, admin.token, server.log.",
            HelpName = "DIR",
        };
        var listen = new Option<string>("--listen", "-l")
        {
            Description = "Address and port of the HTTP API (default 127.0.0.1:7480; port 0 picks a free one).",
            HelpName = "ADDRESS:PORT",
            DefaultValueFactory = _ => "127.0.0.1:7480",
        };
        var lbListen = new Option<string>("--lb-listen")
        {
            Description = "Address and port of the load balancer local's listener when it is created (default 127.0.0.1:7481).",
            HelpName = "ADDRESS:PORT",
            DefaultValueFactory = _ => "127.0.0.1:7481",
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log to the console instead of DATA/server.log." };

        var command = new Command("up",
            "Run Greenlight all-in-one on this machine: the server (SQLite), its local fleet and its load balancer, until Ctrl-C.\n" +
            "Examples:\n" +
            "  greenlight up\n" +
            "  greenlight up --data ./gl --listen 127.0.0.1:8080 --lb-listen 127.0.0.1:8081 --verbose\n" +
            "Exit codes: 0 stopped by Ctrl-C or SIGTERM; 2 bad options, or the data directory or an address cannot be used.")
        {
            data, listen, lbListen, verbose,
        };
        command.Action = new UsageErrorAwareAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (UsageErrorAwareAction.Problem(parse) is { } bad)
            {
                return Usage(stderr, bad);
            }

            var dir = Path.GetFullPath(parse.GetValue(data) is { Length: > 0 } given ? given : DefaultDataDirectory.Resolve());
            return RunAsync(new ServerOptions(dir, parse.GetValue(listen)!), parse.GetValue(lbListen)!, parse.GetValue(verbose),
                parse.InvocationConfiguration.Output, stderr).GetAwaiter().GetResult();
        });
        return command;
    }

    private static async Task<int> RunAsync(ServerOptions options, string lbListen, bool verbose, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            ServerHost.ParseEndpoint(lbListen);
        }
        catch (ArgumentException e)
        {
            return Usage(stderr, "--lb-listen: " + e.Message);
        }

        using var signal = new ShutdownSignal();
        FileLoggerProvider? log = null;
        try
        {
            Directory.CreateDirectory(options.DataDirectory);
            log = verbose ? null : new FileLoggerProvider(Path.Combine(options.DataDirectory, "server.log"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Usage(stderr, $"cannot use the data directory {options.DataDirectory}: {e.Message}");
        }

        using (log)
        {
            var (server, problem) = await InProcessServer.StartAsync(options, log is null ? ServerLogging.Console : ServerLogging.File(log), signal.Token);
            if (server is null)
            {
                return Usage(stderr, problem!);
            }

            await using (server)
            {
                LocalFront.Result front;
                try
                {
                    using var api = new ApiConnection(new Uri(server.Url), (await File.ReadAllTextAsync(options.AdminTokenPath, signal.Token)).Trim());
                    front = await LocalFront.EnsureAsync(api, new LocalFront.Spec("local", "local-web", lbListen), signal.Token);
                }
                catch (ApiException e)
                {
                    stderr.WriteLine($"error: the load balancer local could not be set up: {e.Message} ({e.Code}); is {lbListen} free? (--lb-listen picks another)");
                    return ExitCodes.UsageError;
                }
                catch (OperationCanceledException)
                {
                    return ExitCodes.Success;
                }

                if (front.Bound is null)
                {
                    stderr.WriteLine($"warning: the load balancer local does not listen ({front.Error}); greenlight load-balancer get local says more");
                }

                foreach (var line in UpBanner.Lines(server.Url, front.Bound is null ? "(not listening)" : "http://" + front.Bound, options.DataDirectory, options.AdminTokenPath, log?.Path))
                {
                    stdout.WriteLine(line);
                }

                stdout.Flush();
                try
                {
                    await server.Host.WaitForShutdownAsync(signal.Token);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl-C or SIGTERM: stop below.
                }

                stdout.WriteLine("Stopping: the server stops its local instances and what they started...");
                stdout.Flush();
            }

            stdout.WriteLine("Stopped.");
            return ExitCodes.Success;
        }
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine("error: " + message);
        return ExitCodes.UsageError;
    }
}
