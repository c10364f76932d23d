using System.CommandLine;
using System.Text.Json.Nodes;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Api;

/// <summary>One invocation of a resource verb: the connection, the parsed command line and where its output goes.</summary>
internal sealed class ApiCall(ApiConnection api, ParseResult parse, OutputFormat format)
{
    public ApiConnection Api => api;

    public ParseResult Parse => parse;

    public TextWriter Out => parse.InvocationConfiguration.Output;

    /// <summary>The <c>--output</c> format asked for.</summary>
    public OutputFormat Format => format;

    /// <summary>Whether the output is for scripts (<c>-o json</c> or <c>-o yaml</c>): print only the structured answer, no progress lines.</summary>
    public bool Structured => format != OutputFormat.Table;

    public T? Get<T>(Option<T> option) => parse.GetValue(option);

    public T Get<T>(Argument<T> argument) => parse.GetValue(argument)!;

    /// <summary>Whether the option was given on the command line (as opposed to left at its default).</summary>
    public bool Has(Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>Prints the API's answer unchanged for <c>-o json|yaml</c>, else the table; exit 0.</summary>
    public int Print(JsonNode answer, Action<TextWriter> table)
    {
        if (Structured)
        {
            StructuredOutput.Write(Out, format, answer);
        }
        else
        {
            table(Out);
        }

        return ExitCodes.Success;
    }

    /// <summary>Prints the API's answer for <c>-o json|yaml</c>, else one line saying what was done; exit 0.</summary>
    public int Done(JsonNode answer, string line) => Print(answer, w => w.WriteLine(line));
}
