using Greenlight.Contracts.V1;
using Greenlight.Server.Api;

namespace Greenlight.Server.Fleet;

/// <summary>Checks launch template data; every problem names the field.</summary>
public static class LaunchTemplateValidation
{
    public const int MaxBootstrapBytes = 64 * 1024;

    public static readonly string[] Providers = ["local", "registered"];

    public static ApiError? Check(LaunchTemplateData data)
    {
        if (data.Provider is not null && !Providers.Contains(data.Provider))
        {
            return Invalid($"launchTemplateData.provider '{data.Provider}' must be one of {string.Join(", ", Providers)}");
        }

        var tags = data.Tags ?? [];
        if (tags.Count > 10)
        {
            return Invalid($"launchTemplateData.tags has {tags.Count} tags; at most 10");
        }

        if (tags.FirstOrDefault(t => string.IsNullOrEmpty(t.Key) || t.Key.Length > 128 || (t.Value?.Length ?? 0) > 256 || t.Key.Contains(',') || t.Key.Contains('=')) is { } badTag)
        {
            return Invalid($"launchTemplateData.tags: tag '{badTag.Key}' needs a key of 1-128 characters without ',' or '=' and a value of up to 256");
        }

        if (data.BootstrapScript is { Length: > MaxBootstrapBytes })
        {
            return Invalid($"launchTemplateData.bootstrapScript is {data.BootstrapScript.Length} characters; at most {MaxBootstrapBytes}");
        }

        if (data.Agent?.PollWait is { } wait && (!Core.Traffic.TrafficScheduleParser.TryParseDuration(wait, out var parsed) || parsed > TimeSpan.FromSeconds(60)))
        {
            return Invalid($"launchTemplateData.agent.pollWait '{wait}' must be a duration up to 60s, e.g. 5s");
        }

        if (data.Agent?.MaxRevisions is < 1 or > 100)
        {
            return Invalid($"launchTemplateData.agent.maxRevisions {data.Agent.MaxRevisions} must be from 1 to 100");
        }

        return data.Agent?.RunAsAllow?.FirstOrDefault(u => !System.Text.RegularExpressions.Regex.IsMatch(u, @"\A[a-z_][a-z0-9_-]{0,31}\z")) is { } badUser
            ? Invalid($"launchTemplateData.agent.runAsAllow: '{badUser}' is not a user name")
            : null;
    }

    /// <summary>A new version's data: the source's, with the non-null fields of <paramref name="changes"/> on top.</summary>
    public static LaunchTemplateData Merge(LaunchTemplateData source, LaunchTemplateData? changes) => changes is null
        ? source
        : new LaunchTemplateData(
            changes.Provider ?? source.Provider,
            changes.Tags ?? source.Tags,
            changes.BootstrapScript ?? source.BootstrapScript,
            changes.Agent ?? source.Agent,
            changes.ProviderFields ?? source.ProviderFields);

    private static ApiError Invalid(string message) => ApiErrors.Invalid("InvalidLaunchTemplateDataException", message);
}
