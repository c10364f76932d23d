namespace Greenlight.Core.Deployments;

/// <summary>An observation that did not apply: the state is unchanged and no command is issued.</summary>
public sealed record Rejection(RejectionCode Code, string Message);
