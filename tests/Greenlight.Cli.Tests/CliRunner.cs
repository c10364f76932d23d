using Greenlight.Cli.Config;

namespace Greenlight.Cli.Tests;

/// <summary>
/// Runs the CLI in-process and captures what it writes. Each run sees only the environment it is given (by default
/// none, and a config file that does not exist), never the machine's variables or ~/.config, so tests stay
/// parallel-safe and independent of the developer's own contexts.
/// </summary>
internal static class CliRunner
{
    /// <summary>A config file that does not exist (in a directory of this test process's own).</summary>
    private static readonly string NoConfig = Path.Combine(Path.GetTempPath(), "greenlight-cli-tests-" + Guid.NewGuid().ToString("N"), "config.yaml");

    /// <summary>No variables, no config file, empty stdin.</summary>
    private static readonly CliEnvironment Isolated = new(name => name == "GREENLIGHT_CONFIG" ? NoConfig : null, () => TextReader.Null);

    public static CliResult Run(params string[] args) => RunIn(Isolated, args);

    /// <summary>
    /// Runs the CLI as its process would: with no synchronization context, so its awaits continue on the thread pool
    /// and never queue behind xunit's test threads, which this call blocks.
    /// </summary>
    public static CliResult RunIn(CliEnvironment environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code;
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            using (CliEnvironment.Use(environment))
            {
                code = Program.Run(args, stdout, stderr);
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }

        return new CliResult(code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }
}

/// <summary>
/// A test's own environment for the CLI: variables set by the test, GREENLIGHT_CONFIG in a fresh temp directory
/// (unless the test sets it or XDG_CONFIG_HOME), and the text standard input gives.
/// </summary>
internal sealed class TestEnvironment : IDisposable
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    public TestEnvironment()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("greenlight-cli-env-").FullName;
        _variables["HOME"] = Directory;
        Cli = new CliEnvironment(
            name => _variables.TryGetValue(name, out var value) ? value
                : name == "GREENLIGHT_CONFIG" && !_variables.ContainsKey("XDG_CONFIG_HOME") ? ConfigPath : null,
            () => new StringReader(Stdin));
    }

    /// <summary>A temp directory of this test's (also HOME).</summary>
    public string Directory { get; }

    /// <summary>The default config file: DIRECTORY/config.yaml.</summary>
    public string ConfigPath => Path.Combine(Directory, "config.yaml");

    public string Stdin { get; set; } = "";

    public CliEnvironment Cli { get; }

    public TestEnvironment Set(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    public CliResult Run(params string[] args) => CliRunner.RunIn(Cli, args);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] Lines => Stdout.Split('\n');

    /// <summary>The line starting with <paramref name="prefix"/>; fails the test if there is none.</summary>
    public string Line(string prefix) =>
        Lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No line starting with '{prefix}' in:\n{Stdout}\n{Stderr}");
}
