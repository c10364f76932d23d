namespace Greenlight.Engine.Storage;

/// <summary>Who did what to which resource, and when. Written in the same transaction as the change it records.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Target, string Detail = "");
