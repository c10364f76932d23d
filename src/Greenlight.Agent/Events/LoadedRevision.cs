using Greenlight.Core.AppSpec;

namespace Greenlight.Agent.Events;

/// <summary>An extracted revision on this host: the directory the appspec's paths are relative to, and the parsed appspec.</summary>
public sealed record LoadedRevision(string DeploymentRoot, string BundleRoot, AppSpecDocument AppSpec);
