using System.CommandLine;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>One run of apply or diff: the checked documents, the server, where output goes, and whether it is JSON (<c>-o json</c>).</summary>
internal sealed record DeclarativeCall(ParseResult Parse, ResourceStore Store, IReadOnlyList<ResourceDocument> Documents, TextWriter Out, TextWriter Error, bool Json);
