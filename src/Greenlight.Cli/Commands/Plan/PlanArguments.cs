using System.Globalization;
using Greenlight.Cli.Output;
using Greenlight.Core.Batching;

namespace Greenlight.Cli.Commands.Plan;

/// <summary>
/// Checks the raw <c>greenlight plan</c> arguments and turns them into a <see cref="PlanRequest"/>, or a one-line
/// usage error. Values are read as text and checked here (not by the parser) so every mistake exits with 2.
/// </summary>
internal static class PlanArguments
{
    /// <summary>Plans larger than this are refused: the output lists every batch.</summary>
    public const int MaxInstances = 10_000;

    /// <summary>The name a <c>--min-healthy</c> configuration is shown under.</summary>
    public const string CustomName = "custom";

    public static PlanRequest? Bind(
        string? instancesText, string? configName, string? minHealthyText, IReadOnlyList<string> failText, bool loadBalancer,
        OutputFormat output, out string? error)
    {
        error = null;
        if (instancesText is null)
        {
            error = "--instances is required";
            return null;
        }

        if (!int.TryParse(instancesText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var instances)
            || instances < 0 || instances > MaxInstances)
        {
            error = $"--instances must be a whole number from 0 to {MaxInstances}, got '{instancesText}'";
            return null;
        }

        var config = BindConfiguration(configName, minHealthyText, ref error);
        var failing = config is null ? null : BindFailing(failText, instances, ref error);
        return failing is null ? null : new PlanRequest(config!, instances, failing, loadBalancer, output);
    }

    private static DeploymentConfiguration? BindConfiguration(string? configName, string? minHealthyText, ref string? error)
    {
        if (configName is not null && minHealthyText is not null)
        {
            error = "--config and --min-healthy cannot be used together: name a configuration or give a minimum, not both";
            return null;
        }

        if (minHealthyText is not null)
        {
            var min = MinimumHealthyHostsParser.Parse(minHealthyText, out var parseError);
            var result = min is null ? null : DeploymentConfiguration.Custom(CustomName, min);
            error = parseError is null ? null : "--min-healthy: " + parseError.Message;
            return result?.Configuration;
        }

        if (configName is null)
        {
            return DeploymentConfiguration.Default;
        }

        var lookup = DeploymentConfiguration.Lookup(configName);
        error = lookup.IsValid ? null : "--config: " + lookup.Errors[0].Message;
        return lookup.Configuration;
    }

    private static SortedSet<int>? BindFailing(IReadOnlyList<string> failText, int instances, ref string? error)
    {
        var failing = new SortedSet<int>();
        foreach (var part in failText.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries)))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                error = $"--fail takes instance numbers separated by commas (e.g. 3,10), got '{part}'";
                return null;
            }

            if (number < 1 || number > instances)
            {
                error = instances == 0
                    ? $"--fail {number}: there are no instances to fail"
                    : $"--fail {number} is out of range: instances are numbered 1 to {instances}";
                return null;
            }

            failing.Add(number);
        }

        return failing;
    }
}
