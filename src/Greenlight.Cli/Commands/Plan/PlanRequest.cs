using Greenlight.Cli.Output;
using Greenlight.Core.Batching;

namespace Greenlight.Cli.Commands.Plan;

/// <summary>The validated arguments of <c>greenlight plan</c>.</summary>
internal sealed record PlanRequest(
    DeploymentConfiguration Configuration, int Instances, IReadOnlyCollection<int> Failing, bool LoadBalancer, OutputFormat Output);
