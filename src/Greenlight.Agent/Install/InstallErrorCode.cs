namespace Greenlight.Agent.Install;

/// <summary>Why an Install failed. Stable: the server and operators match on these names.</summary>
public enum InstallErrorCode
{
    /// <summary>A <c>files</c> source names nothing in the bundle.</summary>
    SourceMissing,

    /// <summary>A <c>files</c> source steps above the bundle root (<c>../x</c>).</summary>
    SourceOutsideBundle,

    /// <summary>A destination or permissions object is not an absolute Linux path.</summary>
    DestinationNotAbsolute,

    /// <summary>A path contains a newline or NUL, which the cleanup file cannot hold.</summary>
    UnsupportedPath,

    /// <summary>DISALLOW and a file this deployment group did not put there exists at a destination.</summary>
    FileAlreadyExists,

    /// <summary>Two mappings produce the same destination path, or a file where a directory is created.</summary>
    DuplicateDestination,

    /// <summary>OVERWRITE of a file onto an existing directory.</summary>
    DestinationIsDirectory,

    /// <summary>A directory must be created where a non-directory exists.</summary>
    DestinationNotDirectory,

    /// <summary>A permissions entry cannot apply as written (pattern/except on a file object).</summary>
    InvalidPermission,

    /// <summary>The same path receives permissions from two entries.</summary>
    PermissionSpecifiedTwice,

    /// <summary>An <c>owner</c> names no user on this host.</summary>
    UnknownUser,

    /// <summary>A <c>group</c> names no group on this host.</summary>
    UnknownGroup,

    /// <summary>An <c>acls</c> item is malformed, unnamed, or a default entry on a file.</summary>
    InvalidAcl,

    /// <summary>setfacl, semanage or restorecon is needed and not installed.</summary>
    ToolMissing,

    /// <summary>setfacl, semanage or restorecon exited non-zero.</summary>
    ToolFailed,

    /// <summary>The file system refused an operation (permission denied, disk full...).</summary>
    IoFailure,
}
