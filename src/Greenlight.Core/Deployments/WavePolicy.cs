namespace Greenlight.Core.Deployments;

/// <summary>How a group of instances runs its plans.</summary>
internal enum WavePolicy
{
    /// <summary>In batches that respect minimum healthy hosts; verdict by the configuration's rule.</summary>
    Batched,

    /// <summary>All at once; any failure fails the deployment (blocking traffic on blue).</summary>
    AllMustSucceed,

    /// <summary>All at once; failures are recorded but do not fail the deployment (retiring replacements).</summary>
    BestEffort,
}
