using System.CommandLine;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Plan;
using Greenlight.Cli.Config;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands.Contexts;

/// <summary>
/// <c>greenlight context add|use|list|current|delete</c>: named servers with their tokens in the config file
/// (<see cref="CliConfigFile"/>), so the verbs need no --server or --token-file.
/// </summary>
internal static partial class ContextCommand
{
    public static Command Create()
    {
        var command = new Command("context",
            "Keep named servers and their tokens in the config file ($XDG_CONFIG_HOME/greenlight/config.yaml, default\n" +
            "~/.config/greenlight/config.yaml; GREENLIGHT_CONFIG names another), so verbs need no --server or --token-file.\n" +
            "A verb's server and token come from its flags, else --context NAME, else GREENLIGHT_SERVER/GREENLIGHT_TOKEN(_FILE),\n" +
            "else GREENLIGHT_CONTEXT or the current context.\n" +
            "Examples:\n" +
            "  greenlight context add local --server http://127.0.0.1:7480 --token-file ~/.local/share/greenlight/admin.token\n" +
            "  pass show greenlight/prod | greenlight context add prod --server https://deploy.example.com --token-stdin --use\n" +
            "  greenlight context use local\n" +
            "  greenlight context list\n" +
            "  greenlight application list --context prod\n" +
            "Exit codes: 0 done; 2 bad options, an unknown context or a broken config file.")
        {
            Add(), Use(), List(), Current(), Delete(),
        };
        return command.AsGroup();
    }

    private static Argument<string> Name(string description) => new("name") { Description = description };

    private static Command Add()
    {
        var name = Name("The context's name (letters, digits, '.', '_', '-').");
        var server = new Option<string>("--server") { Description = "The server's URL.", HelpName = "URL", Required = true };
        var tokenFile = new Option<string>("--token-file") { Description = "A file holding the token, e.g. the server's admin.token (its path is kept, not the token).", HelpName = "FILE" };
        var tokenStdin = new Option<bool>("--token-stdin") { Description = "Read the token from standard input and keep it in the config file (mode 0600)." };
        var use = new Option<bool>("--use") { Description = "Make it the current context (the first context added becomes current anyway)." };
        var command = new Command("add",
            "Add a context, or replace the one of that name.\n" +
            "Examples:\n" +
            "  greenlight context add local --server http://127.0.0.1:7480 --token-file ~/.local/share/greenlight/admin.token\n" +
            "  greenlight context add prod --server https://deploy.example.com --token-stdin --use < prod.token")
        {
            name, server, tokenFile, tokenStdin, use,
        };
        return Run(command, (parse, path, config, stdout) =>
        {
            var contextName = parse.GetValue(name)!;
            if (!ValidName().IsMatch(contextName))
            {
                throw new UsageException($"context name '{contextName}' must be letters, digits, '.', '_' or '-'");
            }

            var url = parse.GetValue(server)!;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"--server '{url}' is not an http(s) URL");
            }

            var file = parse.GetValue(tokenFile);
            var fromStdin = parse.GetValue(tokenStdin);
            if ((file is null) == !fromStdin)
            {
                throw new UsageException("give exactly one of --token-file FILE or --token-stdin");
            }

            CliContext context;
            if (file is not null)
            {
                var full = Path.GetFullPath(file.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(Home(), file[2..]) : file);
                if (!File.Exists(full))
                {
                    throw new UsageException($"--token-file '{file}' does not exist (`greenlight up` and `greenlight server` print the admin token's path)");
                }

                context = new CliContext(url, full, null);
            }
            else
            {
                var token = CliEnvironment.Current.Input.ReadToEnd().Trim();
                if (token.Length == 0 || token.Contains('\n', StringComparison.Ordinal))
                {
                    throw new UsageException("--token-stdin read no token (pipe exactly one line: the token)");
                }

                context = new CliContext(url, null, token);
            }

            var existed = config.Find(contextName) is not null;
            var updated = config.With(contextName, context);
            if (parse.GetValue(use) || config.CurrentContext is null)
            {
                updated = updated with { CurrentContext = contextName };
            }

            CliConfigFile.Save(path, updated);
            stdout.WriteLine($"{(existed ? "Replaced" : "Added")} context {contextName} ({url}) in {path}; current context: {updated.CurrentContext}");
            return ExitCodes.Success;
        });
    }

    private static Command Use()
    {
        var name = Name("The context to use.");
        var command = new Command("use", "Make a context the current one.\nExamples:\n  greenlight context use local") { name };
        return Run(command, (parse, path, config, stdout) =>
        {
            var contextName = Known(config, parse.GetValue(name)!, path);
            CliConfigFile.Save(path, config with { CurrentContext = contextName });
            stdout.WriteLine($"Current context: {contextName} ({config.Find(contextName)!.Server})");
            return ExitCodes.Success;
        });
    }

    private static Command List()
    {
        var output = OutputOption.Create();
        var command = new Command("list", "List the contexts: the current one is marked *; tokens are never printed.\nExamples:\n  greenlight context list\n  greenlight context list -o yaml") { output };
        return Run(command, (parse, path, config, stdout) =>
        {
            var format = parse.GetValue(output);
            if (format != OutputFormat.Table)
            {
                var contexts = new JsonArray();
                foreach (var (contextName, context) in config.Contexts)
                {
                    contexts.Add(new JsonObject
                    {
                        ["name"] = contextName, ["current"] = contextName == config.CurrentContext, ["server"] = context.Server,
                        ["tokenFile"] = context.TokenFile, ["tokenInFile"] = context.Token is not null,
                    });
                }

                StructuredOutput.Write(stdout, format, new JsonObject { ["configFile"] = path, ["currentContext"] = config.CurrentContext, ["contexts"] = contexts });
                return ExitCodes.Success;
            }

            var table = new Table("CURRENT", "NAME", "SERVER", "TOKEN");
            foreach (var (contextName, context) in config.Contexts)
            {
                table.Add(contextName == config.CurrentContext ? "*" : "", contextName, context.Server,
                    context.TokenFile ?? (context.Token is null ? null : "(in the config file)"));
            }

            if (table.Count == 0)
            {
                stdout.WriteLine($"No contexts in {path}: greenlight context add NAME --server URL --token-file FILE");
            }
            else
            {
                table.Write(stdout);
            }

            return ExitCodes.Success;
        });
    }

    private static Command Current()
    {
        var command = new Command("current", "Print the current context's name.\nExamples:\n  greenlight context current");
        return Run(command, (parse, path, config, stdout) =>
        {
            if (config.CurrentContext is not { } current)
            {
                throw new UsageException($"no current context in {path} (contexts: {config.Names}): greenlight context use NAME, or greenlight context add");
            }

            stdout.WriteLine(current);
            return ExitCodes.Success;
        });
    }

    private static Command Delete()
    {
        var name = Name("The context to delete.");
        var command = new Command("delete", "Delete a context (if it was the current one, there is no current context).\nExamples:\n  greenlight context delete old") { name };
        return Run(command, (parse, path, config, stdout) =>
        {
            var contextName = Known(config, parse.GetValue(name)!, path);
            CliConfigFile.Save(path, config.Without(contextName));
            stdout.WriteLine($"Deleted context {contextName}" + (config.CurrentContext == contextName ? "; there is no current context now (greenlight context use NAME)" : ""));
            return ExitCodes.Success;
        });
    }

    private static string Known(CliConfig config, string name, string path) =>
        config.Find(name) is not null ? name : throw new UsageException($"no context '{name}' in {path} (contexts: {config.Names})");

    private static string Home() => CliEnvironment.Current.Variable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>Loads the config and runs <paramref name="run"/>; a usage problem, a broken file or a failed write is one line and exit 2.</summary>
    private static Command Run(Command command, Func<ParseResult, string, CliConfig, TextWriter, int> run)
    {
        command.Action = new UsageErrorAwareAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (UsageErrorAwareAction.Problem(parse) is { } bad)
            {
                stderr.WriteLine("error: " + bad);
                return ExitCodes.UsageError;
            }

            var path = CliEnvironment.Current.ConfigPath;
            if (CliConfigFile.Load(path, out var problem) is not { } config)
            {
                stderr.WriteLine("error: " + problem);
                return ExitCodes.UsageError;
            }

            try
            {
                return run(parse, path, config, parse.InvocationConfiguration.Output);
            }
            catch (UsageException e)
            {
                stderr.WriteLine("error: " + e.Message);
                return ExitCodes.UsageError;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"error: cannot write the config file {path}: {e.Message}");
                return ExitCodes.UsageError;
            }
        });
        return command;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex ValidName();
}
