namespace Greenlight.Cli.Config;

/// <summary>
/// What the CLI reads from its surroundings: environment variables (GREENLIGHT_SERVER, GREENLIGHT_CONFIG, ...), the
/// config file's path and standard input. The process's by default; tests run the CLI in-process, so each sets its own
/// for the call (<see cref="Use"/>, flowing with the call's async context) instead of changing process-wide variables.
/// </summary>
public sealed class CliEnvironment(Func<string, string?> variables, Func<TextReader> input)
{
    private static readonly AsyncLocal<CliEnvironment?> Override = new();

    /// <summary>The real process's variables and stdin.</summary>
    public static CliEnvironment Process { get; } = new(Environment.GetEnvironmentVariable, () => Console.In);

    /// <summary>The environment of the running invocation.</summary>
    public static CliEnvironment Current => Override.Value ?? Process;

    /// <summary>Standard input (e.g. for <c>--token-stdin</c>).</summary>
    public TextReader Input => input();

    /// <summary>An environment variable, or null when it is unset or empty.</summary>
    public string? Variable(string name) => variables(name) is { Length: > 0 } value ? value : null;

    /// <summary>The config file: GREENLIGHT_CONFIG, else $XDG_CONFIG_HOME/greenlight/config.yaml, else ~/.config/greenlight/config.yaml.</summary>
    public string ConfigPath =>
        Variable("GREENLIGHT_CONFIG")
        ?? Path.Combine(
            Variable("XDG_CONFIG_HOME") ?? Path.Combine(Variable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config"),
            "greenlight", "config.yaml");

    /// <summary>Makes <paramref name="environment"/> the current one until the result is disposed.</summary>
    public static IDisposable Use(CliEnvironment environment)
    {
        var before = Override.Value;
        Override.Value = environment;
        return new Restore(before);
    }

    private sealed class Restore(CliEnvironment? before) : IDisposable
    {
        public void Dispose() => Override.Value = before;
    }
}
