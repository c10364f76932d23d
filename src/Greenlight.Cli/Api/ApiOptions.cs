using System.CommandLine;
using Greenlight.Cli.Config;

namespace Greenlight.Cli.Api;

/// <summary>
/// Where the API is and who calls it. Each of the server and the token comes from the first of: the flags
/// (<c>--server</c>; <c>--token</c> or <c>--token-file</c>), the context named by <c>--context</c>, the environment
/// (GREENLIGHT_SERVER or the older GREENLIGHT_URL; GREENLIGHT_TOKEN or GREENLIGHT_TOKEN_FILE), and the context named by
/// GREENLIGHT_CONTEXT or else the config file's current context (<c>greenlight context</c>).
/// </summary>
public static class ApiOptions
{
    private static Option<string> Server() => new("--server")
    {
        Description = "The server's URL (default: GREENLIGHT_SERVER, else the current context's).",
        HelpName = "URL",
    };

    private static Option<string> Token() => new("--token")
    {
        Description = "An API token (default: GREENLIGHT_TOKEN; prefer --token-file or a context, a command line is visible to local users).",
        HelpName = "TOKEN",
    };

    private static Option<string> TokenFile() => new("--token-file")
    {
        Description = "A file holding the API token, e.g. the server's admin.token (default: GREENLIGHT_TOKEN_FILE).",
        HelpName = "FILE",
    };

    private static Option<string> Context() => new("--context")
    {
        Description = "Use this context of the config file instead of the current one (default: GREENLIGHT_CONTEXT; see greenlight context).",
        HelpName = "NAME",
    };

    /// <summary>
    /// Adds the options to <paramref name="command"/>: new instances for each command, because an option remembers every
    /// command it is added to (one shared instance grew by a few hundred parents a tree, and building the tree slowed
    /// down with every build in a long-lived process such as the test host).
    /// </summary>
    public static void AddTo(Command command)
    {
        command.Options.Add(Server());
        command.Options.Add(Token());
        command.Options.Add(TokenFile());
        command.Options.Add(Context());
    }

    /// <summary>The value of the invoked command's string option <paramref name="name"/>, or null.</summary>
    private static string? Value(ParseResult parseResult, string name) =>
        parseResult.CommandResult.Command.Options.OfType<Option<string>>().FirstOrDefault(o => o.Name == name) is { } option
            ? parseResult.GetValue(option)
            : null;

    /// <summary>A connection, or a one-line problem naming what is missing and how to give it.</summary>
    public static ApiConnection? Connect(ParseResult parseResult, out string? problem)
    {
        var flags = new ConnectionFlags(Value(parseResult, "--server"), Value(parseResult, "--token"), Value(parseResult, "--token-file"), Value(parseResult, "--context"));
        var settings = ConnectionSettings.Resolve(flags, CliEnvironment.Current, out problem);
        return settings is null ? null : new ApiConnection(settings.Server, settings.Token);
    }
}
