namespace Greenlight.Agent.Install;

/// <summary>How the installer finds external tools.</summary>
public sealed record InstallerOptions
{
    /// <summary>Directories searched for setfacl, semanage and restorecon; null means the PATH.</summary>
    public IReadOnlyList<string>? ToolDirectories { get; init; }
}
