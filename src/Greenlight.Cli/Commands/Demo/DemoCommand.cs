using System.CommandLine;
using Greenlight.Cli.Commands.Plan;

namespace Greenlight.Cli.Commands.Demo;

/// <summary>
/// <c>greenlight demo</c>: the narrated scenario of issue 9 on an all-in-one server of its own (a temporary data
/// directory), or on the server given with <c>--server</c> and <c>--token-file</c>. Exit 0 only if every step behaved
/// as expected; 1 with the step and why otherwise; 2 for bad options or missing sample bundles.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var keep = new Option<bool>("--keep") { Description = "After the summary, leave the server and its fleet running for exploration (prints how to connect) until Ctrl-C." };
        var bundles = new Option<string>("--bundles")
        {
            Description = "The sample bundles (v1, v2, v3-5xx) built by ./eng/sample-app.sh (default: artifacts/sample-web/bundles found above the current directory).",
            HelpName = "DIR",
        };
        var server = new Option<string>("--server") { Description = "Run the scenario on this server instead of starting one (needs --token-file).", HelpName = "URL" };
        var tokenFile = new Option<string>("--token-file") { Description = "A file holding an admin token of --server.", HelpName = "FILE" };
        var command = new Command("demo",
            "Run the narrated demo: a fleet of local instances behind the built-in load balancer, deployed in place, scaled out,\n" +
            "shifted blue/green under load, and a broken revision stopped by an alarm and rolled back; then a summary.\n" +
            "Examples:\n" +
            "  greenlight demo\n" +
            "  greenlight demo --keep --bundles artifacts/sample-web/bundles\n" +
            "  greenlight demo --server http://127.0.0.1:7480 --token-file ~/.local/share/greenlight/admin.token\n" +
            "Exit codes: 0 every step behaved as expected; 1 a step did not (the summary says which and why) or it was interrupted;\n" +
            "2 bad options, the sample bundles or the token file not found, or the server unreachable.")
        {
            keep, bundles, server, tokenFile,
        };
        command.Action = new UsageErrorAwareAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (UsageErrorAwareAction.Problem(parse) is { } bad)
            {
                return Usage(stderr, bad);
            }

            var (found, problem) = BundleFinder.Find(parse.GetValue(bundles), [Environment.CurrentDirectory, AppContext.BaseDirectory]);
            if (found is null)
            {
                return Usage(stderr, problem!);
            }

            var url = parse.GetValue(server);
            var token = parse.GetValue(tokenFile);
            if ((url is null) != (token is null))
            {
                return Usage(stderr, "--server and --token-file go together: the demo needs an admin token of the server it uses (or neither, to start its own)");
            }

            DemoRun.Remote? remote = null;
            if (url is not null)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    return Usage(stderr, $"--server '{url}' is not an http:// or https:// URL");
                }

                try
                {
                    remote = new DemoRun.Remote(uri, File.ReadAllText(token!).Trim());
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return Usage(stderr, $"--token-file {token}: {e.Message}");
                }
            }

            return new DemoRun(parse.InvocationConfiguration.Output, stderr, found, remote, parse.GetValue(keep)).RunAsync().GetAwaiter().GetResult();
        });
        return command;
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine("error: " + message);
        return ExitCodes.UsageError;
    }
}
