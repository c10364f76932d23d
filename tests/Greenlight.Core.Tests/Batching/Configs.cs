using Greenlight.Core.Batching;

namespace Greenlight.Core.Tests.Batching;

/// <summary>Test shorthand: a predefined name, or <c>HOST_COUNT:n</c> / <c>FLEET_PERCENT:p</c> as a custom configuration.</summary>
internal static class Configs
{
    public static DeploymentConfiguration Parse(string text)
    {
        if (text.StartsWith(DeploymentConfiguration.ReservedPrefix, StringComparison.Ordinal))
        {
            return DeploymentConfiguration.Lookup(text).Configuration ?? throw new ArgumentException(text);
        }

        var min = MinimumHealthyHostsParser.Parse(text, out var error) ?? throw new ArgumentException(error?.Message);
        return Custom(min);
    }

    public static DeploymentConfiguration Custom(MinimumHealthyHosts min) =>
        DeploymentConfiguration.Custom("Test.Custom", min).Configuration ?? throw new ArgumentException(min.ToString());
}
