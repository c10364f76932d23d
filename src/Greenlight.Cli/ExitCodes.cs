namespace Greenlight.Cli;

/// <summary>Documented exit codes of every <c>greenlight</c> verb (docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked and found nothing wrong.</summary>
    public const int Success = 0;

    /// <summary>
    /// The command ran, and its verdict is a failure (validation errors, a plan that fails, a watched deployment that
    /// failed, a scaling wait that timed out), or the server refused the request (every verb, deploy included).
    /// </summary>
    public const int Failure = 1;

    /// <summary>
    /// The command could not run: bad arguments, a missing or unreadable input (a broken config file included), no
    /// server or token configured, or a server that cannot be reached (connection refused, no connection in time).
    /// </summary>
    public const int UsageError = 2;
}
