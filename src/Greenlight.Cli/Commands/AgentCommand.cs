using System.CommandLine;
using System.Runtime.InteropServices;
using Greenlight.Agent;
using Greenlight.Cli.Commands.Plan;
using Microsoft.Extensions.Logging;

namespace Greenlight.Cli.Commands;

/// <summary>
/// <c>greenlight agent</c>: runs the host agent until Ctrl-C or SIGTERM. The first start needs an enrollment token;
/// the per-instance credential it gets is kept in ROOT/agent.credential (0600) and used from then on.
/// </summary>
internal static class AgentCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server", "-s") { Description = "The Greenlight server's URL, e.g. http://10.0.0.5:7480.", HelpName = "URL" };
        var token = new Option<string>("--token", "-t")
        {
            Description = "An enrollment token (first start only). Prefer the GREENLIGHT_ENROLLMENT_TOKEN environment variable: a command line is visible to every local user.",
            HelpName = "ENROLLMENT_TOKEN",
        };
        var name = new Option<string>("--name", "-n")
        {
            Description = "This instance's name (default: the host name).",
            HelpName = "NAME",
            DefaultValueFactory = _ => Environment.MachineName,
        };
        var tags = new Option<string>("--tags") { Description = "Tags for enrollment, e.g. role=web,env=prod.", HelpName = "K=V,..." };
        var root = new Option<string>("--root", "-r")
        {
            Description = "The agent's directory: credential, run state, deployments, logs (default /var/lib/greenlight-agent).",
            HelpName = "DIR",
            DefaultValueFactory = _ => "/var/lib/greenlight-agent",
        };
        var address = new Option<string>("--address") { Description = "The address this instance serves on (GREENLIGHT_INSTANCE_ADDRESS).", HelpName = "IP", DefaultValueFactory = _ => "127.0.0.1" };
        var instanceRoot = new Option<string>("--instance-root") { Description = "Sandbox: install destinations go under this directory (local instances only).", HelpName = "DIR" };
        var runAs = new Option<string>("--runas-allow") { Description = "Users hook scripts may run as, e.g. www-data,deploy (default: any).", HelpName = "USERS" };
        var pollWait = new Option<string>("--poll-wait") { Description = "How long the server may hold a poll (default 20s).", HelpName = "DURATION", DefaultValueFactory = _ => "20s" };

        var command = new Command("agent",
            "Run the Greenlight agent on this host: it polls the server, downloads and installs revisions and runs hook scripts.\n" +
            "Examples:\n" +
            "  greenlight agent --server http://10.0.0.5:7480 --token gle_... --tags role=web\n" +
            "  greenlight agent --server http://10.0.0.5:7480            (later starts: the stored credential is used)\n" +
            $"Exit codes: 0 stopped by Ctrl-C or SIGTERM; 2 bad options; {AgentHost.RefusedExitCode} refused by the server (credential revoked or token spent).")
        {
            server, token, name, tags, root, address, instanceRoot, runAs, pollWait,
        };
        command.Action = new UsageErrorAwareAction(parseResult =>
        {
            var stderr = parseResult.InvocationConfiguration.Error;
            if (UsageErrorAwareAction.Problem(parseResult) is { } bad)
            {
                return Usage(stderr, bad);
            }

            if (!Uri.TryCreate(parseResult.GetValue(server), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                return Usage(stderr, $"--server '{parseResult.GetValue(server)}' must be the server's http(s) URL");
            }

            if (!TryParseTags(parseResult.GetValue(tags), out var parsedTags))
            {
                return Usage(stderr, $"--tags '{parseResult.GetValue(tags)}' must be KEY=VALUE pairs separated by commas");
            }

            if (!Core.Traffic.TrafficScheduleParser.TryParseDuration(parseResult.GetValue(pollWait)!, out var wait) || wait > TimeSpan.FromSeconds(60))
            {
                return Usage(stderr, $"--poll-wait '{parseResult.GetValue(pollWait)}' must be a duration up to 60s");
            }

            var options = new AgentOptions(url.ToString(), Path.GetFullPath(parseResult.GetValue(root)!), parseResult.GetValue(name)!)
            {
                EnrollmentToken = parseResult.GetValue(token) ?? NullIfEmpty(Environment.GetEnvironmentVariable("GREENLIGHT_ENROLLMENT_TOKEN")),
                Tags = parsedTags,
                Address = parseResult.GetValue(address)!,
                InstanceRoot = parseResult.GetValue(instanceRoot) is { } ir ? Path.GetFullPath(ir) : null,
                RunAsAllowList = parseResult.GetValue(runAs)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                PollWait = wait,
            };
            return RunAsync(options).GetAwaiter().GetResult();
        });
        return command;
    }

    private static async Task<int> RunAsync(AgentOptions options)
    {
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var loggers = LoggerFactory.Create(l => l.AddSimpleConsole(c =>
        {
            c.SingleLine = true;
            c.TimestampFormat = "HH:mm:ss ";
        }).SetMinimumLevel(LogLevel.Information));
        try
        {
            return await AgentHost.RunAsync(options, loggers, stop.Token);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The root directory cannot be created or written: say which, without a stack trace.
            await Console.Error.WriteLineAsync($"greenlight agent: cannot use {options.Root}: {e.Message}");
            return ExitCodes.UsageError;
        }
    }

    internal static bool TryParseTags(string? text, out IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        var list = new List<KeyValuePair<string, string>>();
        tags = list;
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                return false;
            }

            list.Add(new(parts[0], parts[1]));
        }

        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine("greenlight agent: " + message);
        return ExitCodes.UsageError;
    }
}
