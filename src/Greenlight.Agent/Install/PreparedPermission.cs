using System.Collections.Immutable;
using Greenlight.Core.AppSpec;

namespace Greenlight.Agent.Install;

/// <summary>A permissions entry bound to one object, with names resolved and tools located before anything is copied.</summary>
internal sealed record PreparedPermission(
    PlannedEntry Target,
    PermissionEntry Entry,
    uint Uid,
    uint Gid,
    ImmutableArray<string> Acls,
    string? Setfacl,
    string? Semanage,
    string? Restorecon);
