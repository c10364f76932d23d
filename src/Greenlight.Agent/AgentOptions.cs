namespace Greenlight.Agent;

/// <summary>
/// How an agent runs. <see cref="Root"/> holds its credential, run state, deployments and logs.
/// <see cref="InstanceRoot"/> (local sandboxed instances only) maps every absolute install destination under a
/// directory; hook scripts see it as GREENLIGHT_INSTANCE_ROOT (empty on a real host).
/// </summary>
public sealed record AgentOptions(string ServerUrl, string Root, string InstanceName)
{
    public string? EnrollmentToken { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    public string Address { get; init; } = "127.0.0.1";

    public string? InstanceRoot { get; init; }

    /// <summary>How long the server may hold a poll open.</summary>
    public TimeSpan PollWait { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Deployment folders kept per deployment group (CodeDeploy's :max_revisions); the last successful one is never removed.</summary>
    public int MaxRevisions { get; init; } = 5;

    /// <summary>The largest bundle the agent downloads, and how long a download may take.</summary>
    public long MaxBundleBytes { get; init; } = 1L << 30;

    public TimeSpan DownloadDeadline { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Users hook scripts may run as; null allows any plain user name.</summary>
    public IReadOnlyList<string>? RunAsAllowList { get; init; }

    public string CredentialPath => Path.Combine(Root, "agent.credential");

    public string RunsDirectory => Path.Combine(Root, "runs");
}
