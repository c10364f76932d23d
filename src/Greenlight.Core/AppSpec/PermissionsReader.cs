using System.Collections.Immutable;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// Reads the <c>permissions</c> list (Linux only: any entry on <c>os: windows</c> is PermissionsOnWindows).
/// Each entry needs <c>object</c>; <c>type</c> must be a list drawn from <c>file</c>/<c>directory</c>;
/// <c>mode</c> follows <see cref="PermissionMode"/>.
/// </summary>
internal static class PermissionsReader
{
    private static readonly string[] Known = ["object", "pattern", "except", "owner", "group", "mode", "acls", "context", "type"];
    private static readonly string[] KnownContext = ["name", "user", "type", "range"];

    public static ImmutableArray<PermissionEntry> Read(YamlNode? node, YamlScalar? key, AppSpecOs? os, DiagnosticBag diagnostics)
    {
        if (node is null or YamlScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YamlSequence seq)
        {
            diagnostics.Error(AppSpecDiagnosticCode.WrongType, node, "permissions",
                $"'permissions' must be a list of entries starting with '- object: /path', not {node.Kind}.");
            return [];
        }

        if (os == AppSpecOs.Windows && seq.Items.Count > 0)
        {
            diagnostics.Error(AppSpecDiagnosticCode.PermissionsOnWindows, (YamlNode?)key ?? node, "permissions",
                "permissions are not supported with os: windows (CodeDeploy fails the deployment). Remove the permissions section.");
        }

        var result = ImmutableArray.CreateBuilder<PermissionEntry>();
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var path = $"permissions[{i}]";
            if (seq.Items[i] is not YamlMapping map)
            {
                diagnostics.Error(AppSpecDiagnosticCode.WrongType, seq.Items[i], path,
                    $"A permissions entry must be a map starting with 'object:', not {seq.Items[i].Kind}.");
                continue;
            }

            if (ReadEntry(MapView.Read(map, path, diagnostics), diagnostics) is { } entry)
            {
                result.Add(entry);
            }
        }

        return result.ToImmutable();
    }

    private static PermissionEntry? ReadEntry(MapView entry, DiagnosticBag diagnostics)
    {
        entry.WarnUnknownKeys(diagnostics, Known, "a permissions entry");
        string? Text(string key) => entry.GetNonNull(key) is { } v ? ScalarReader.Text(v, entry.Child(key), diagnostics, key) : null;

        var objectPath = Text("object");
        if (entry.GetNonNull("object") is null)
        {
            diagnostics.Error(AppSpecDiagnosticCode.MissingObject, entry.KeyNode("object") ?? (YamlNode)entry.Node, entry.Child("object"),
                "This permissions entry has no 'object'. Add the path on the server it applies to, e.g. 'object: /opt/app'.");
        }

        var mode = entry.GetNonNull("mode") is { } m ? ModeRule.Check(m, entry.Child("mode"), diagnostics) : null;
        var types = ReadTypes(entry, diagnostics);
        var context = ReadContext(entry, diagnostics);
        var except = ScalarReader.TextList(entry.Get("except"), entry.Child("except"), diagnostics, "except");
        var acls = ScalarReader.TextList(entry.Get("acls"), entry.Child("acls"), diagnostics, "acls");
        return objectPath is null
            ? null
            : new PermissionEntry(objectPath, Text("pattern") ?? "**", [.. except], Text("owner"), Text("group"), mode, [.. acls], context, types,
                entry.Node.Line, entry.Node.Column);
    }

    private static ImmutableArray<PermissionObjectType> ReadTypes(MapView entry, DiagnosticBag diagnostics)
    {
        var node = entry.GetNonNull("type");
        if (node is null)
        {
            return [PermissionObjectType.File, PermissionObjectType.Directory];
        }

        if (node is not YamlSequence seq)
        {
            diagnostics.Error(AppSpecDiagnosticCode.InvalidPermissionType, node, entry.Child("type"),
                "'type' must be a list, e.g. 'type: [file]' or '- directory' items; CodeDeploy fails on a single value.");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<PermissionObjectType>();
        for (var i = 0; i < seq.Items.Count; i++)
        {
            switch (seq.Items[i])
            {
                case YamlScalar { Text: "file" }:
                    result.Add(PermissionObjectType.File);
                    break;
                case YamlScalar { Text: "directory" }:
                    result.Add(PermissionObjectType.Directory);
                    break;
                default:
                    var shown = seq.Items[i] is YamlScalar s ? $"'{s.Text}'" : seq.Items[i].Kind;
                    diagnostics.Error(AppSpecDiagnosticCode.InvalidPermissionType, seq.Items[i], $"{entry.Child("type")}[{i}]",
                        $"type {shown} is not 'file' or 'directory'.");
                    break;
            }
        }

        return result.ToImmutable();
    }

    private static SelinuxContext? ReadContext(MapView entry, DiagnosticBag diagnostics)
    {
        var node = entry.GetNonNull("context");
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMapping map)
        {
            diagnostics.Error(AppSpecDiagnosticCode.WrongType, node, entry.Child("context"),
                $"'context' must be a map with 'type' (and optional 'name', 'range'), not {node.Kind}.");
            return null;
        }

        var view = MapView.Read(map, entry.Child("context"), diagnostics);
        view.WarnUnknownKeys(diagnostics, KnownContext, "an SELinux context");
        string? Text(string key) => view.GetNonNull(key) is { } v ? ScalarReader.Text(v, view.Child(key), diagnostics, key) : null;
        var type = Text("type");
        if (type is null)
        {
            diagnostics.Error(AppSpecDiagnosticCode.WrongType, map, view.Child("type"), "An SELinux context needs 'type', e.g. 'type: httpd_sys_content_t'.");
            return null;
        }

        return new SelinuxContext(Text("name") ?? Text("user"), type, Text("range"));
    }
}
