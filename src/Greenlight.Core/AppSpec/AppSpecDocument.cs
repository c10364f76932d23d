using System.Collections.Immutable;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// A validated EC2/on-premises AppSpec. Only scriptable events appear in <see cref="Hooks"/>; scripts under
/// unknown or non-scriptable events never run and are reported, not kept.
/// </summary>
public sealed record AppSpecDocument(
    AppSpecOs Os,
    ImmutableArray<FileMapping> Files,
    FileExistsBehavior? FileExistsBehavior,
    ImmutableArray<PermissionEntry> Permissions,
    ImmutableSortedDictionary<LifecycleEvent, ImmutableArray<HookScript>> Hooks)
{
    /// <summary>The only AppSpec version there is.</summary>
    public string Version => "0.0";

    /// <summary>The scripts of <paramref name="lifecycleEvent"/>, empty when none.</summary>
    public ImmutableArray<HookScript> ScriptsFor(LifecycleEvent lifecycleEvent) =>
        Hooks.TryGetValue(lifecycleEvent, out var scripts) ? scripts : [];
}
