namespace Greenlight.Core.AppSpec;

/// <summary>An item of a permissions entry's <c>type</c> list.</summary>
public enum PermissionObjectType
{
    File,
    Directory,
}
