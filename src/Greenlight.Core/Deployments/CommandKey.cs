using System.Globalization;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Deployments;

/// <summary>
/// Idempotency keys. A command with a key already carried out must not be carried out again:
/// <c>d-1/i-2/AfterInstall/1</c> for an event, <c>d-1/traffic/2</c> for the third traffic step.
/// </summary>
public static class CommandKey
{
    public static string ForEvent(string deploymentId, string instanceId, LifecycleEvent lifecycleEvent, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{deploymentId}/{instanceId}/{lifecycleEvent}/{attempt}");

    public static string For(string deploymentId, string action, params object[] parts) =>
        string.Join('/', new object[] { deploymentId, action }.Concat(parts).Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));
}
