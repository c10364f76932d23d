namespace Greenlight.Cli.Config;

/// <summary>The connection options as given on the command line (null when not given).</summary>
public sealed record ConnectionFlags(string? Server, string? Token, string? TokenFile, string? Context);

/// <summary>
/// The server and token a verb calls with, resolved from flags, the environment and the config file's contexts.
/// Precedence, for the server and the token each: flags, then the context named by <c>--context</c>, then the
/// environment, then the context named by GREENLIGHT_CONTEXT or the current context. The config file is read only
/// when a later source is needed, so a broken file does not stop a command given everything by flags. A context's token
/// is sent only to that context's server: with the server from a flag or the environment and no token there, a
/// context whose server is another is not asked for its token (that would hand it to another server).
/// </summary>
public sealed record ConnectionSettings(Uri Server, string Token)
{
    private const string AddHint = "`greenlight context add NAME --server URL --token-file FILE`";

    /// <summary>The settings, or null with a one-line problem that names the fix.</summary>
    public static ConnectionSettings? Resolve(ConnectionFlags flags, CliEnvironment environment, out string? problem)
    {
        problem = null;
        var path = environment.ConfigPath;
        var contextByVariable = environment.Variable("GREENLIGHT_CONTEXT");
        CliConfig? config = null;
        string? configProblem = null;

        // The sources in order; a context source is read (and the file loaded) only when reached.
        var sources = new List<Func<Source?>>
        {
            () => new Source("--server", flags.Server, flags.Token is not null ? "--token" : "--token-file", flags.Token, flags.TokenFile),
        };
        if (flags.Context is not null)
        {
            sources.Add(() => ContextSource(flags.Context, "--context"));
        }

        sources.Add(() => Environment());
        if (flags.Context is null)
        {
            sources.Add(() => contextByVariable is not null ? ContextSource(contextByVariable, "GREENLIGHT_CONTEXT") : CurrentSource());
        }

        string? server = null, serverFrom = null, token = null, tokenFile = null, tokenFrom = null, skippedToken = null;
        foreach (var next in sources)
        {
            if (server is not null && (token ?? tokenFile) is not null)
            {
                break;
            }

            var source = next();
            if (configProblem is not null)
            {
                problem = configProblem;
                return null;
            }

            if (source is null)
            {
                continue;
            }

            if (server is null && source.Server is not null)
            {
                (server, serverFrom) = (source.Server, source.ServerLabel);
            }

            if (token is null && tokenFile is null && (source.Token ?? source.TokenFile) is not null)
            {
                if (source.IsContext && !SameServer(server, source.Server))
                {
                    skippedToken ??= $"{source.TokenLabel} is for {source.Server}, not {server} ({serverFrom})";
                    continue;
                }

                (token, tokenFile, tokenFrom) = (source.Token, source.Token is null ? source.TokenFile : null, source.TokenLabel);
            }
        }

        if (server is null)
        {
            problem = $"no server: pass --server URL, set GREENLIGHT_SERVER, or {AddHint}";
            return null;
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problem = $"{serverFrom} '{server}' is not an http(s) URL";
            return null;
        }

        if (token is null && tokenFile is not null)
        {
            if (!File.Exists(tokenFile))
            {
                problem = $"{tokenFrom} '{tokenFile}' does not exist (is the server's data directory elsewhere? `greenlight up` prints the token's path)";
                return null;
            }

            token = File.ReadAllText(tokenFile).Trim();
        }

        if (string.IsNullOrEmpty(token))
        {
            problem = tokenFrom is not null
                ? $"{tokenFrom} '{tokenFile}' is empty"
                : skippedToken is not null
                    ? $"no token for {server}: {skippedToken}, and a context's token goes only to its own server; pass --token-file FILE, set GREENLIGHT_TOKEN_FILE or GREENLIGHT_TOKEN, or use that context's server"
                    : $"no token: pass --token-file FILE, set GREENLIGHT_TOKEN_FILE or GREENLIGHT_TOKEN, or {AddHint}";
            return null;
        }

        return new ConnectionSettings(uri, token);

        Source Environment()
        {
            var url = environment.Variable("GREENLIGHT_SERVER") is { } s ? ("GREENLIGHT_SERVER", s) : ("GREENLIGHT_URL", environment.Variable("GREENLIGHT_URL"));
            var variableToken = environment.Variable("GREENLIGHT_TOKEN");
            return new Source(url.Item1, url.Item2, variableToken is not null ? "GREENLIGHT_TOKEN" : "GREENLIGHT_TOKEN_FILE", variableToken, environment.Variable("GREENLIGHT_TOKEN_FILE"));
        }

        Source? CurrentSource()
        {
            var loaded = Load();
            return loaded?.CurrentContext is { } current ? ContextSource(current, $"the current context in {path}") : null;
        }

        Source? ContextSource(string name, string chosenBy)
        {
            var loaded = Load();
            if (loaded is null)
            {
                return null;
            }

            if (loaded.Find(name) is not { } context)
            {
                configProblem = $"no context '{name}' (named by {chosenBy}) in {path}; contexts: {loaded.Names} (greenlight context list)";
                return null;
            }

            var label = $"context '{name}' ({path})";
            return new Source($"{label} server", context.Server, $"{label} {(context.Token is not null ? "token" : "tokenFile")}", context.Token, context.TokenFile, IsContext: true);
        }

        CliConfig? Load()
        {
            if (config is null && configProblem is null)
            {
                config = CliConfigFile.Load(path, out configProblem);
            }

            return config;
        }
    }

    /// <summary>Whether two server URLs name the same server (scheme, host and port; a trailing slash or path aside).</summary>
    private static bool SameServer(string? chosen, string? context) =>
        chosen is null || (Uri.TryCreate(chosen, UriKind.Absolute, out var a) && Uri.TryCreate(context, UriKind.Absolute, out var b) &&
                           Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0);

    /// <summary>One source's server and token, with the names messages give them.</summary>
    private sealed record Source(string ServerLabel, string? Server, string TokenLabel, string? Token, string? TokenFile, bool IsContext = false);
}
