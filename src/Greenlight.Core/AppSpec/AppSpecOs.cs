namespace Greenlight.Core.AppSpec;

/// <summary>The <c>os</c> of an EC2/on-premises AppSpec: exactly <c>linux</c> or <c>windows</c>.</summary>
public enum AppSpecOs
{
    Linux,
    Windows,
}
