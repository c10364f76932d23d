namespace Greenlight.Core.Deployments;

/// <summary>An instance's part in a deployment: in-place target, original (blue) or replacement (green).</summary>
public enum InstanceRole
{
    Target,
    Original,
    Replacement,
}
