namespace Greenlight.Core.AppSpec;

/// <summary>
/// One script under a lifecycle event. <see cref="BundleLocation"/> is the bundle-relative path of
/// <see cref="Location"/> (a leading <c>/</c>, <c>\</c> or <c>./</c> is bundle-relative, as in the agent).
/// <see cref="RunAs"/> is null when absent or ignored (Windows). <see cref="Line"/>/<see cref="Column"/>
/// point at the <c>location</c> value.
/// </summary>
public sealed record HookScript(
    string Location,
    string BundleLocation,
    int TimeoutSeconds,
    string? RunAs,
    bool Sudo,
    int Line,
    int Column);
