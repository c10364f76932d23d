namespace Greenlight.Agent.Protocol;

/// <summary>The server refused the agent for good (401/403: credential revoked, enrollment token spent); retrying will not help.</summary>
public sealed class AgentRefusedException(string message) : Exception(message);
