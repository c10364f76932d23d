using System.CommandLine;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>One run of apply or diff: the checked documents, the server, where output goes, and its <c>--output</c> format.</summary>
internal sealed record DeclarativeCall(ParseResult Parse, ResourceStore Store, IReadOnlyList<ResourceDocument> Documents, TextWriter Out, TextWriter Error, OutputFormat Format)
{
    /// <summary>Whether the output is for scripts (<c>-o json</c> or <c>-o yaml</c>): only the structured result, no lines.</summary>
    public bool Structured => Format != OutputFormat.Table;
}
