using System.CommandLine;

namespace Greenlight.Cli.Commands.Resources;

/// <summary>What the resource and scaling verbs' help texts share.</summary>
internal static class Help
{
    public const string ExitCodes =
        "Exit codes: 0 done; 1 the server refused or failed (error: MESSAGE (CODE) on stderr); 2 bad options, no server or no token, or the server unreachable.";

    public const string ApiExitCodes =
        "Every subcommand takes --output table|json|yaml (json and yaml print the API's answer), --server URL, --token-file FILE and --context NAME.\n" + ExitCodes;

    /// <summary>A verb's description: what it does, examples, and the exit codes.</summary>
    public static string Verb(string description, params string[] examples) =>
        description + "\nExamples:\n" + string.Concat(examples.Select(e => "  greenlight " + e + "\n")) + ExitCodes;

    /// <summary>The NAME argument of a verb.</summary>
    public static Argument<string> Name(string what, string description) => new(what + "-name") { Description = description };
}
