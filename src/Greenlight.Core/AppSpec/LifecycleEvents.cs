using System.Collections.Frozen;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.AppSpec;

/// <summary>Which lifecycle events can carry scripts, and how hook names map to events (exact, case-sensitive).</summary>
public static class LifecycleEvents
{
    /// <summary>Events whose scripts the agent runs (<see cref="LifecycleEventInfo.IsScriptable"/>). The others
    /// (Start, DownloadBundle, Install, BlockTraffic, AllowTraffic, End) belong to the service or the agent itself.</summary>
    public static readonly FrozenSet<LifecycleEvent> Scriptable = LifecycleEventInfo.Scriptable.ToFrozenSet();

    private static readonly FrozenDictionary<string, LifecycleEvent> ByName =
        Enum.GetValues<LifecycleEvent>().ToFrozenDictionary(e => e.ToString(), StringComparer.Ordinal);

    /// <summary>The event named exactly <paramref name="name"/>; no case folding, no numbers.</summary>
    public static bool TryParse(string name, out LifecycleEvent lifecycleEvent) => ByName.TryGetValue(name, out lifecycleEvent);

    /// <summary>A scriptable event whose name matches ignoring case, spaces, '-' and '_' ("Before Install" → BeforeInstall).</summary>
    public static LifecycleEvent? Suggest(string name)
    {
        var folded = new string(name.Where(char.IsAsciiLetterOrDigit).ToArray());
        return Scriptable.Where(e => string.Equals(e.ToString(), folded, StringComparison.OrdinalIgnoreCase))
            .Select(e => (LifecycleEvent?)e).FirstOrDefault();
    }
}
