using System.CommandLine;

namespace Greenlight.Cli.Commands;

/// <summary>Placeholder for <c>greenlight plan</c>; replaced by its real implementation.</summary>
internal static class PlanCommand
{
    public static Command Create() => new("plan", "Not implemented yet.");
}
