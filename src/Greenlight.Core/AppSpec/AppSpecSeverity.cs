namespace Greenlight.Core.AppSpec;

/// <summary>How bad a finding is. Any <see cref="Error"/> makes the AppSpec invalid.</summary>
public enum AppSpecSeverity
{
    Warning,
    Error,
}
