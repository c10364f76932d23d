using System.Collections.Immutable;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// Reads <c>hooks</c>: a map from event name to a list of scripts. Every event is validated, as the agent
/// does, but only scripts of scriptable events are kept. Unknown names are UnknownLifecycleEvent and
/// scripts under agent/service events are ScriptsNeverRun (warnings: CodeDeploy accepts both silently).
/// An event with a null value is EmptyHookEvent (the agent crashes on it; write <c>[]</c>).
/// </summary>
internal static class HooksReader
{
    public static ImmutableSortedDictionary<LifecycleEvent, ImmutableArray<HookScript>> Read(YamlNode? node, AppSpecOs? os, DiagnosticBag diagnostics)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<LifecycleEvent, ImmutableArray<HookScript>>();
        if (node is null or YamlScalar { IsNull: true })
        {
            return result.ToImmutable();
        }

        if (node is not YamlMapping map)
        {
            diagnostics.Error(AppSpecDiagnosticCode.WrongType, node, "hooks",
                $"'hooks' must be a map from event name to a list of scripts (e.g. 'ApplicationStart:' then '- location: scripts/start.sh'), not {node.Kind}.");
            return result.ToImmutable();
        }

        foreach (var (key, value) in MapView.Read(map, "hooks", diagnostics).Entries)
        {
            var name = key.Text;
            var path = $"hooks.{name}";
            var known = LifecycleEvents.TryParse(name, out var lifecycleEvent);
            if (!known)
            {
                var suggestion = LifecycleEvents.Suggest(name) is { } s ? $"Did you mean '{s}'?" : "Use one of: " + string.Join(", ", LifecycleEvents.Scriptable.Order()) + ".";
                diagnostics.Warning(AppSpecDiagnosticCode.UnknownLifecycleEvent, key, path,
                    $"'{name}' is not a lifecycle event, so its scripts never run. {suggestion}");
            }

            if (value is YamlScalar { IsNull: true })
            {
                diagnostics.Warning(AppSpecDiagnosticCode.EmptyHookEvent, key, path,
                    $"Event '{name}' has no value; CodeDeploy's agent crashes on this (agent issue #125). Write '{name}: []' or remove it.");
                continue;
            }

            if (value is not YamlSequence seq)
            {
                diagnostics.Error(AppSpecDiagnosticCode.WrongType, value, path,
                    $"Event '{name}' must hold a list of scripts ('- location: ...'), not {value.Kind}.");
                continue;
            }

            if (known && !LifecycleEvents.Scriptable.Contains(lifecycleEvent) && seq.Items.Count > 0)
            {
                diagnostics.Warning(AppSpecDiagnosticCode.ScriptsNeverRun, key, path,
                    $"{name} is run by CodeDeploy itself, so scripts listed under it never run. Move them to a scriptable event such as {Neighbour(lifecycleEvent)}.");
            }

            var scripts = HookScriptReader.ReadAll(seq, path, os, diagnostics);
            if (known && LifecycleEvents.Scriptable.Contains(lifecycleEvent))
            {
                result[lifecycleEvent] = scripts;
            }
        }

        return result.ToImmutable();
    }

    private static LifecycleEvent Neighbour(LifecycleEvent e) => e switch
    {
        LifecycleEvent.Install or LifecycleEvent.DownloadBundle => LifecycleEvent.AfterInstall,
        LifecycleEvent.BlockTraffic => LifecycleEvent.AfterBlockTraffic,
        LifecycleEvent.AllowTraffic => LifecycleEvent.AfterAllowTraffic,
        LifecycleEvent.Start => LifecycleEvent.ApplicationStop,
        _ => LifecycleEvent.ValidateService,
    };
}
