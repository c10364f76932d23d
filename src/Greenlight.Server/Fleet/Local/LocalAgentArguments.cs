using System.Globalization;

namespace Greenlight.Server.Fleet.Local;

/// <summary>
/// The <c>greenlight agent</c> arguments of a local instance. The credential is not among them: the agent reads it
/// from its root, and a command line is visible to every local user.
/// </summary>
internal static class LocalAgentArguments
{
    /// <summary>The tag every launched instance carries, naming its scaling group (as EC2 Auto Scaling does).</summary>
    public const string GroupTagKey = InstanceCredentials.GroupTag;

    /// <summary>
    /// <c>agent --server URL --name ID --root SANDBOX/agent --instance-root SANDBOX/root --address ADDR --poll-wait Ns
    /// --tags k=v,...</c> and <c>--runas-allow</c> when the template limits it. The template's tags come first, the
    /// group tag last (replacing a template tag of the same key). A tag whose key or value holds a comma cannot be
    /// said in <c>--tags</c> and is left out; tags only matter to an agent that enrolls, which a launched one does not.
    /// The template's MaxRevisions is not passed: the agent has no option for it.
    /// </summary>
    public static List<string> For(LaunchRequest request, LocalSandbox sandbox)
    {
        var tags = (request.Template.Tags ?? [])
            .Where(t => t.Key is { Length: > 0 } key && key != GroupTagKey && IsSayable(key, t.Value ?? ""))
            .Select(t => $"{t.Key!.Trim()}={(t.Value ?? "").Trim()}")
            .Append($"{GroupTagKey}={request.AutoScalingGroup}");
        var args = new List<string>
        {
            "agent",
            "--server", request.ServerUrl,
            "--name", request.InstanceId,
            "--root", sandbox.AgentRoot,
            "--instance-root", sandbox.InstanceRoot,
            "--address", request.Address,
            "--poll-wait", PollWait(request.PollWait),
            "--tags", string.Join(',', tags),
        };
        if (request.Template.Agent?.RunAsAllow is { Count: > 0 } users)
        {
            args.Add("--runas-allow");
            args.Add(string.Join(',', users));
        }

        return args;
    }

    /// <summary>What <c>--tags</c> can carry: pairs split at commas, then at the first '='.</summary>
    private static bool IsSayable(string key, string value) =>
        key.Trim().Length > 0 && key.IndexOfAny([',', '=']) < 0 && !value.Contains(',', StringComparison.Ordinal);

    /// <summary>Whole seconds, rounded up, within the 1-60 s the agent accepts: <c>2s</c>.</summary>
    internal static string PollWait(TimeSpan wait) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Clamp((int)Math.Ceiling(wait.TotalSeconds), 1, 60)}s");
}
