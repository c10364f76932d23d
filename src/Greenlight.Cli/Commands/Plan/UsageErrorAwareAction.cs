using System.CommandLine;
using System.CommandLine.Invocation;

namespace Greenlight.Cli.Commands.Plan;

/// <summary>
/// A command action that still runs when the command line has parse errors, so the verb can report them as a
/// one-line usage error with exit code 2 (System.CommandLine's own error action prints help and exits 1).
/// </summary>
internal sealed class UsageErrorAwareAction(Func<ParseResult, int> action) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult) => action(parseResult);

    /// <summary>
    /// The command line's first problem as one line, or null. An action that clears parse errors is not told about
    /// unexpected arguments (nor do command validators run for it), so those are checked here.
    /// </summary>
    public static string? Problem(ParseResult parseResult) =>
        parseResult.Errors.Count > 0 ? parseResult.Errors[0].Message.Split('\n')[0].TrimEnd()
        : parseResult.UnmatchedTokens.Count > 0 ? $"unexpected argument '{parseResult.UnmatchedTokens[0]}'"
        : null;
}
