namespace Greenlight.Cli.Commands.Declarative;

/// <summary>A declarative file that cannot be read or does not fit the format; the message names the file, line and field. Exit 2.</summary>
internal sealed class DeclarativeInputException(string message) : Exception(message);
