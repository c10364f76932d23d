using System.CommandLine;

namespace Greenlight.Cli.Api;

/// <summary>
/// Where the API is and who calls it: <c>--server</c> or GREENLIGHT_URL, and <c>--token</c>, GREENLIGHT_TOKEN or
/// <c>--token-file</c> (e.g. the server's DATA/admin.token). The server prints the export line for both.
/// </summary>
public static class ApiOptions
{
    public static readonly Option<string> Server = new("--server")
    {
        Description = "The server's URL (default: GREENLIGHT_URL).",
        HelpName = "URL",
    };

    public static readonly Option<string> Token = new("--token")
    {
        Description = "An API token (default: GREENLIGHT_TOKEN; prefer the variable or --token-file, a command line is visible to local users).",
        HelpName = "TOKEN",
    };

    public static readonly Option<string> TokenFile = new("--token-file")
    {
        Description = "A file holding the API token, e.g. the server's admin.token.",
        HelpName = "FILE",
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(Token);
        command.Options.Add(TokenFile);
    }

    /// <summary>A connection, or a one-line problem naming what is missing.</summary>
    public static ApiConnection? Connect(ParseResult parseResult, out string? problem)
    {
        problem = null;
        var url = parseResult.GetValue(Server) ?? Environment.GetEnvironmentVariable("GREENLIGHT_URL");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problem = url is null
                ? "no server: pass --server URL or set GREENLIGHT_URL (greenlight server prints it)"
                : $"--server '{url}' is not an http(s) URL";
            return null;
        }

        var token = parseResult.GetValue(Token) ?? Environment.GetEnvironmentVariable("GREENLIGHT_TOKEN");
        if (token is null && parseResult.GetValue(TokenFile) is { } file)
        {
            if (!File.Exists(file))
            {
                problem = $"--token-file '{file}' does not exist";
                return null;
            }

            token = File.ReadAllText(file).Trim();
        }

        if (string.IsNullOrEmpty(token))
        {
            problem = "no token: pass --token-file DATA/admin.token, or set GREENLIGHT_TOKEN";
            return null;
        }

        return new ApiConnection(uri, token);
    }
}
