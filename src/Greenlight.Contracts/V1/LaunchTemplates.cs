namespace Greenlight.Contracts.V1;

/// <summary>
/// How an instance is made (EC2's LaunchTemplateData, reduced to what Greenlight's providers read). <see cref="Provider"/>
/// is <c>local</c> (the server starts a sandboxed agent process on its own loopback address) or <c>registered</c>
/// (hosts whose agents enrolled themselves: a scaling group cannot launch them). <see cref="Tags"/> go on every instance;
/// <see cref="BootstrapScript"/> runs in the instance's sandbox before its agent starts; <see cref="Agent"/> tunes the agent.
/// </summary>
public sealed record LaunchTemplateData(
    string? Provider = "local",
    IReadOnlyList<Tag>? Tags = null,
    string? BootstrapScript = null,
    LaunchAgentSettings? Agent = null,
    IReadOnlyDictionary<string, string>? ProviderFields = null);

/// <summary>The agent settings of a launched instance. PollWait is a duration such as <c>20s</c>.</summary>
public sealed record LaunchAgentSettings(string? PollWait = null, int? MaxRevisions = null, IReadOnlyList<string>? RunAsAllow = null);

/// <summary>CreateLaunchTemplate: the template and its version 1 (the default).</summary>
public sealed record CreateLaunchTemplateInput(string? LaunchTemplateName, string? VersionDescription, LaunchTemplateData? LaunchTemplateData);

/// <summary>CreateLaunchTemplateVersion: a new version, from <see cref="SourceVersion"/>'s data with <see cref="LaunchTemplateData"/>'s non-null fields on top.</summary>
public sealed record CreateLaunchTemplateVersionInput(string? VersionDescription, LaunchTemplateData? LaunchTemplateData, string? SourceVersion = null);

/// <summary>ModifyLaunchTemplate: which version <c>$Default</c> means.</summary>
public sealed record ModifyLaunchTemplateInput(string? DefaultVersion);

public sealed record LaunchTemplateVersionInfo(int VersionNumber, string? VersionDescription, bool DefaultVersion, DateTimeOffset CreateTime, LaunchTemplateData LaunchTemplateData);

/// <summary>A launch template with every version, oldest first.</summary>
public sealed record LaunchTemplateInfo(
    string LaunchTemplateName,
    string LaunchTemplateId,
    int DefaultVersionNumber,
    int LatestVersionNumber,
    DateTimeOffset CreateTime,
    IReadOnlyList<LaunchTemplateVersionInfo> Versions);
