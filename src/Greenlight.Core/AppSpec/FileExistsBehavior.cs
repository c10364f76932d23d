namespace Greenlight.Core.AppSpec;

/// <summary>
/// Top-level <c>file_exists_behavior</c>: what Install does when a destination file exists that the
/// previous deployment of the group did not create (codedeploy-semantics §1.4).
/// </summary>
public enum FileExistsBehavior
{
    Disallow,
    Overwrite,
    Retain,
}
