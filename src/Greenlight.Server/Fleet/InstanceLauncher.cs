using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Greenlight.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Fleet;

/// <summary>
/// The side effects of an instance's life: launching (registration, credential, provider) and cleaning up after
/// termination (provider, credential, registration, and the deployments that counted on it). Each step is recorded on
/// the instance's placement, so a pass after a crash neither launches twice nor forgets to clean up.
/// </summary>
public sealed class InstanceLauncher(IGreenlightStore store, IEnumerable<IFleetProvider> providers, ServerAddress address, FleetSettings settings,
    ScalingDeployments deployments, TimeProvider time, ILogger<InstanceLauncher> logger)
{
    private readonly Dictionary<string, IFleetProvider> _providers = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public async Task LaunchAsync(AutoScalingGroupDocument group, InstancePlacement placement, CancellationToken ct)
    {
        LaunchedInstance? launched = null;
        string? tokenId = null;
        string? error = null;
        try
        {
            var template = await LaunchTemplatesApi.FindAsync(store, placement.LaunchTemplateName, ct)
                           ?? throw new InvalidOperationException($"launch template {placement.LaunchTemplateName} was deleted");
            var data = LaunchTemplateVersions.Resolve(template, placement.LaunchTemplateVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))?.LaunchTemplateData
                       ?? throw new InvalidOperationException($"launch template {placement.LaunchTemplateName} has no version {placement.LaunchTemplateVersion}");
            if (!_providers.TryGetValue(placement.Provider, out var provider))
            {
                throw new InvalidOperationException($"no fleet provider '{placement.Provider}' in this server");
            }

            var pollWait = data.Agent?.PollWait is { } text && Core.Traffic.TrafficScheduleParser.TryParseDuration(text, out var wait) && wait < settings.AgentPollWait
                ? wait
                : settings.AgentPollWait;
            (tokenId, var secret) = await InstanceCredentials.IssueAsync(store, placement.InstanceId, group.Name, data.Tags ?? [], time.GetUtcNow(), ct);
            var url = await address.UrlAsync(ct);
            launched = await provider.LaunchAsync(new LaunchRequest(placement.InstanceId, group.Name, placement.Address, data, secret, url, pollWait), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = e.Message;
            FleetLog.LaunchFailed(logger, group.Name, placement.InstanceId, e.Message);
        }

        await AutoScalingGroupStore.UpdateAsync(store, group.Name,
            doc => doc.PlacementOf(placement.InstanceId) is { } current
                ? doc with
                {
                    Placements = [.. doc.Placements.Select(p => p == current ? p with { Launched = launched, TokenId = tokenId, LaunchError = error } : p)],
                    Activities = error is null
                        ? doc.Activities
                        : [.. doc.Activities.Append(new ScalingActivity(Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)),
                            $"Launching {placement.InstanceId} failed", error, "Failed", time.GetUtcNow(), time.GetUtcNow())).TakeLast(FleetSettings.ActivitiesKept)],
                }
                : null,
            new AuditEntry(time.GetUtcNow(), "fleet", "LaunchInstance", placement.InstanceId, error ?? $"pid {launched?.ProcessId}"), ct);
    }

    public async Task CleanUpAsync(AutoScalingGroupDocument group, InstancePlacement placement, string reason, CancellationToken ct)
    {
        if (_providers.TryGetValue(placement.Provider, out var provider))
        {
            // A launch that was never recorded (the server died, or the record failed, after the agent started; a failed
            // bootstrap) still has processes under the instance's marker and a sandbox: the provider finds them by id.
            await provider.TerminateAsync(placement.Launched ?? new LaunchedInstance(placement.InstanceId, placement.Address, "", 0, 0), ct);
        }

        await InstanceCredentials.RevokeAsync(store, placement.InstanceId, time.GetUtcNow(), ct);
        await deployments.InstanceGoneAsync(placement.InstanceId, $"terminated by auto scaling group {group.Name}: {reason}", ct);
        await AutoScalingGroupStore.UpdateAsync(store, group.Name,
            doc => doc.PlacementOf(placement.InstanceId) is { } current
                ? doc with { Placements = [.. doc.Placements.Select(p => p == current ? p with { CleanedUp = true } : p)] }
                : null,
            new AuditEntry(time.GetUtcNow(), "fleet", "TerminateInstance", placement.InstanceId, reason), ct);
    }
}
