namespace Greenlight.Cli;

/// <summary>Documented exit codes of every <c>greenlight</c> verb (docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked and found nothing wrong.</summary>
    public const int Success = 0;

    /// <summary>
    /// The command ran, and its verdict is a failure (validation errors, a plan that fails, a watched deployment that
    /// failed, a scaling wait that timed out), or the server refused a resource verb's request.
    /// </summary>
    public const int Failure = 1;

    /// <summary>The command could not run: bad arguments, a missing or unreadable input, no server or token (deploy and deployment: also a refusal).</summary>
    public const int UsageError = 2;
}
