namespace Greenlight.Core.Batching;

/// <summary>One reason a deployment configuration is rejected: a stable code and a one-line message for people.</summary>
public sealed record ConfigurationError(ConfigurationErrorCode Code, string Message)
{
    public override string ToString() => Code + ": " + Message;
}
