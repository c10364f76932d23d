using Microsoft.Extensions.Logging;

namespace Greenlight.Cli.Commands.Hosting;

/// <summary>Where an in-process server logs: the console (one line per entry, with the time) or a file.</summary>
internal static class ServerLogging
{
    /// <summary>Information and up on the console; ASP.NET Core's own chatter only from warnings.</summary>
    public static void Console(ILoggingBuilder logging) => logging.AddSimpleConsole(c =>
    {
        c.SingleLine = true;
        c.TimestampFormat = "HH:mm:ss ";
    }).SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

    /// <summary>The same entries appended to <paramref name="provider"/>'s file.</summary>
    public static Action<ILoggingBuilder> File(FileLoggerProvider provider) => logging => logging.AddProvider(provider)
        .SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
}
