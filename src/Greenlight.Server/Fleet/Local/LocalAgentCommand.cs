using System.Reflection;

namespace Greenlight.Server.Fleet.Local;

/// <summary>How to run this very CLI again, so the server starts local instances' agents with its own build.</summary>
public static class LocalAgentCommand
{
    /// <summary>
    /// <c>[dotnet, ENTRY.dll]</c> when this process runs under the <c>dotnet</c> host, otherwise <c>[ProcessPath]</c>
    /// (an apphost or a single-file build). Meaningful when the CLI is the entry assembly, as under <c>greenlight server</c>.
    /// </summary>
    public static IReadOnlyList<string> Resolve()
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("this process's executable path is unknown");
        return Path.GetFileNameWithoutExtension(processPath) == "dotnet"
            ? [processPath, Assembly.GetEntryAssembly()!.Location]
            : [processPath];
    }
}
