// The agent runs hooks, process groups and extraction on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
