using System.Collections.Immutable;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// Reads the script items of one event: each a map with <c>location</c> (required) and optional
/// <c>timeout</c> (<see cref="TimeoutRule"/>), <c>runas</c> (<see cref="RunAsRule"/>) and <c>sudo</c>
/// (a YAML boolean, honoured like the newer agent).
/// </summary>
internal static class HookScriptReader
{
    private static readonly string[] Known = ["location", "timeout", "runas", "sudo"];

    public static ImmutableArray<HookScript> ReadAll(YamlSequence seq, string eventPath, AppSpecOs? os, DiagnosticBag diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<HookScript>();
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var path = $"{eventPath}[{i}]";
            if (seq.Items[i] is not YamlMapping map)
            {
                var shown = seq.Items[i] is YamlScalar { IsNull: false } s ? $"the text '{s.Text}'" : seq.Items[i] is YamlScalar ? "an empty item" : seq.Items[i].Kind;
                diagnostics.Error(AppSpecDiagnosticCode.WrongType, seq.Items[i], path,
                    $"A hook script must be a map with 'location:', not {shown}. Write '- location: scripts/start.sh'.");
                continue;
            }

            if (Read(MapView.Read(map, path, diagnostics), os, diagnostics) is { } script)
            {
                result.Add(script);
            }
        }

        return result.ToImmutable();
    }

    private static HookScript? Read(MapView item, AppSpecOs? os, DiagnosticBag diagnostics)
    {
        item.WarnUnknownKeys(diagnostics, Known, "a hook script", key => key switch
        {
            "locaiton" or "loaction" or "script" or "path" => "Did you mean 'location'?",
            "run" or "commands" or "command" => "Hooks run script files: put the commands in a script and give its 'location'.",
            _ => null,
        });

        var timeout = TimeoutRule.Check(item.Get("timeout"), item.Child("timeout"), diagnostics);
        var runAs = RunAsRule.Check(item.Get("runas"), item.Child("runas"), os, diagnostics);
        var sudo = ReadSudo(item, diagnostics);

        var locationNode = item.GetNonNull("location");
        var location = locationNode is null ? null : ScalarReader.Text(locationNode, item.Child("location"), diagnostics, "location");
        if (locationNode is null || location?.Trim().Length == 0)
        {
            var hint = item.Has("location") ? "'location' is empty" : item.Entries.Count() == 1 && (item.Has("timeout") || item.Has("runas"))
                ? "'timeout'/'runas' must sit in the same list item as 'location' (no '-' before them)"
                : "it has no 'location'";
            diagnostics.Error(AppSpecDiagnosticCode.MissingLocation, item.KeyNode("location") ?? (YamlNode)item.Node, item.Child("location"),
                $"This hook script cannot run: {hint}. Write '- location: scripts/start.sh' with timeout/runas indented under it.");
            return null;
        }

        if (location is null)
        {
            return null;
        }

        if (!BundlePath.TryResolve(location, out var bundleLocation))
        {
            diagnostics.Error(AppSpecDiagnosticCode.PathEscapesBundle, locationNode, item.Child("location"),
                $"location '{location}' points outside the bundle. Scripts must be files inside the bundle; remove the '..'.");
            return null;
        }

        if (os == AppSpecOs.Linux && location.Contains('\\', StringComparison.Ordinal))
        {
            diagnostics.Warning(AppSpecDiagnosticCode.PathStyleMismatch, locationNode, item.Child("location"),
                $"location '{location}' uses '\\', which is not a separator on Linux. Use '/'.");
        }

        if (location.Trim().Any(char.IsWhiteSpace))
        {
            diagnostics.Warning(AppSpecDiagnosticCode.LocationLooksLikeCommand, locationNode, item.Child("location"),
                $"location '{location}' looks like a shell command; CodeDeploy runs a script file, not a command line. Put the command in a script and name that file.");
        }

        return new HookScript(location, bundleLocation, timeout, runAs, sudo, locationNode.Line, locationNode.Column);
    }

    private static bool ReadSudo(MapView item, DiagnosticBag diagnostics)
    {
        var node = item.GetNonNull("sudo");
        if (node is null)
        {
            return false;
        }

        if (node is YamlScalar { IsPlain: true } s && Yaml11.ReadBoolean(s.Text) is { } value)
        {
            return value;
        }

        diagnostics.Error(AppSpecDiagnosticCode.InvalidSudo, node, item.Child("sudo"),
            "sudo must be true or false (unquoted). Note that CodeDeploy treats any text, even \"false\", as true.");
        return false;
    }
}
