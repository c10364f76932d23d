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
}
