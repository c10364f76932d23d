using System.CommandLine;

namespace Greenlight.Cli.Commands;

/// <summary>Placeholder for <c>greenlight validate</c>; replaced by its real implementation.</summary>
internal static class ValidateCommand
{
    public static Command Create() => new("validate", "Not implemented yet.");
}
