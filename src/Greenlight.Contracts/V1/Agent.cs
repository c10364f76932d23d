namespace Greenlight.Contracts.V1;

/// <summary>
/// A command for an agent: run (or cancel) one lifecycle event of one deployment on this instance, with what the
/// agent needs to run it: the application and group (for the hook environment and the on-disk layout), the revision
/// and its bundle type, and the deployment's file_exists_behavior.
/// </summary>
public sealed record AgentTicket(
    string TicketKey,
    string Kind,
    string DeploymentId,
    string InstanceName,
    string LifecycleEvent,
    int Attempt,
    string ScriptSource,
    string Revision,
    string ApplicationName = "",
    string DeploymentGroupName = "",
    string DeploymentGroupId = "",
    string BundleType = "zip",
    string FileExistsBehavior = "DISALLOW",
    bool IgnoreApplicationStopFailures = false);

public sealed record AgentTicketPage(IReadOnlyList<AgentTicket> Tickets);

/// <summary>One line of a hook's output; <see cref="Sequence"/> increases per ticket, so resent lines are not stored twice.</summary>
public sealed record AgentLogLine(long Sequence, string Stream, string Line);

/// <summary>What an agent reports for a ticket: Status InProgress | Succeeded | Failed, with new output lines.</summary>
public sealed record AgentReport(string? TicketKey, string? Status, Diagnostics? Diagnostics = null, IReadOnlyList<AgentLogLine>? Logs = null);

public sealed record AgentReportOutput(bool Accepted, string? Rejection, long LogCursor = 0);

/// <summary>Enrollment: an enrollment token is exchanged once for a per-instance credential.</summary>
public sealed record EnrollInput(string? EnrollmentToken, string? InstanceName, IReadOnlyList<Tag>? Tags, string? Address);

/// <summary>The credential is shown once; the agent stores it (mode 0600) and uses it from then on.</summary>
public sealed record EnrollOutput(string InstanceName, string Credential);

/// <summary>Admin: an enrollment token for <see cref="Uses"/> agents, valid for <see cref="ExpiresInHours"/>, adding <see cref="Tags"/> to them.</summary>
public sealed record CreateEnrollmentTokenInput(string? Name, int? Uses = 1, int? ExpiresInHours = 24, IReadOnlyList<Tag>? Tags = null);

public sealed record CreateEnrollmentTokenOutput(string Id, string Name, string Token, int Uses, DateTimeOffset ExpiresAt);

/// <summary>The output of one ticket, in order.</summary>
public sealed record TicketLog(string TicketKey, IReadOnlyList<AgentLogLine> Lines);
