using System.Collections.Immutable;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// One <c>permissions</c> entry (Linux only). <see cref="Mode"/> is the octal mode the author meant
/// (see <see cref="PermissionMode"/>), null when absent. <see cref="Types"/> defaults to file and directory.
/// </summary>
public sealed record PermissionEntry(
    string Object,
    string Pattern,
    ImmutableArray<string> Except,
    string? Owner,
    string? Group,
    PermissionMode? Mode,
    ImmutableArray<string> Acls,
    SelinuxContext? Context,
    ImmutableArray<PermissionObjectType> Types,
    int Line,
    int Column);
