namespace Greenlight.Agent;

/// <summary>Where the agent keeps its state below its root directory (docs/agent.md, on-disk layout).</summary>
public static class AgentPaths
{
    public static string DeploymentRoot(string root, string deploymentGroupId, string deploymentId) =>
        Path.Combine(root, deploymentGroupId, deploymentId);

    public static string Archive(string root, string deploymentGroupId, string deploymentId) =>
        Path.Combine(DeploymentRoot(root, deploymentGroupId, deploymentId), "deployment-archive");

    public static string Instructions(string root) => Path.Combine(root, "deployment-instructions");

    public static string Logs(string root) => Path.Combine(root, "logs");
}
