namespace Greenlight.Cli.Commands.Demo;

/// <summary>A step of the demo did not behave as expected: the message says what was expected and what was seen.</summary>
internal sealed class DemoCheckFailed(string message) : Exception(message);
