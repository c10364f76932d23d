using Greenlight.Core.Batching;

namespace Greenlight.Core.Tests.Deployments;

internal static class TestConfigurations
{
    public static DeploymentConfiguration HostCount(string name, int value) =>
        DeploymentConfiguration.Custom(name, MinimumHealthyHosts.HostCount(value)).Configuration!;

    public static DeploymentConfiguration FleetPercent(string name, int value) =>
        DeploymentConfiguration.Custom(name, MinimumHealthyHosts.FleetPercent(value)).Configuration!;
}
