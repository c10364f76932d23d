namespace Greenlight.Server.Fleet.Local;

/// <summary>
/// One local instance's directory, <c>{instancesDirectory}/{instanceId}/</c>: <c>agent/</c> (the agent's --root, with
/// its credential), <c>root/</c> (its --instance-root: installs land there), <c>agent.log</c>, the bootstrap script
/// and its log, and <c>agent.pid</c> (the agent's PID and start time, so a restarted server finds it again).
/// The path is always derived from the id, never taken from a caller, so terminating cannot delete anything else.
/// </summary>
internal sealed record LocalSandbox(string Directory)
{
    public static LocalSandbox For(string instancesDirectory, string instanceId)
    {
        if (!IsValidId(instanceId))
        {
            throw new ArgumentException($"'{instanceId}' cannot name a local instance's directory", nameof(instanceId));
        }

        return new(Path.Combine(Path.GetFullPath(instancesDirectory), instanceId));
    }

    /// <summary>One path segment: not empty, not <c>.</c> or <c>..</c>, no slash or NUL.</summary>
    public static bool IsValidId(string? instanceId) =>
        instanceId is { Length: > 0 and <= 200 } && instanceId is not ("." or "..") && instanceId.IndexOfAny(['/', '\\', '\0']) < 0;

    public string AgentRoot => Path.Combine(Directory, "agent");

    public string InstanceRoot => Path.Combine(Directory, "root");

    /// <summary>Where the agent reads its credential (its --root, then <c>agent.credential</c>).</summary>
    public string CredentialPath => Path.Combine(AgentRoot, "agent.credential");

    public string AgentLog => Path.Combine(Directory, "agent.log");

    public string BootstrapScript => Path.Combine(Directory, "bootstrap.sh");

    public string BootstrapLog => Path.Combine(Directory, "bootstrap.log");

    public string ProcessRecord => Path.Combine(Directory, "agent.pid");
}
