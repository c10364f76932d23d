// Greenlight runs on Linux: the CLI hosts the agent, which is Linux-only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
