using System.Collections.Immutable;
using System.Text;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// Parses and validates an EC2/on-premises <c>appspec.yml</c> the way CodeDeploy's agent reads it (YAML 1.1),
/// with Greenlight's deliberate deviations (docs/appspec.md). Every problem is reported at once, and no
/// input makes it throw: hostile documents are cut off by <see cref="AppSpecLimits"/>.
/// </summary>
public static class AppSpecParser
{
    private static readonly string[] KnownTopLevel = ["version", "os", "files", "file_exists_behavior", "permissions", "hooks"];

    public static AppSpecParseResult Parse(string text, AppSpecParseOptions? options = null)
    {
        var (draft, diagnostics) = ParseDraft(text, options);
        return new AppSpecParseResult(diagnostics.Any(d => d.IsError) ? null : draft, diagnostics) { Draft = draft };
    }

    private static (AppSpecDocument? Draft, ImmutableArray<AppSpecDiagnostic> Diagnostics) ParseDraft(string? text, AppSpecParseOptions? options)
    {
        var diagnostics = new DiagnosticBag((options ?? AppSpecParseOptions.Default).Strict);
        text ??= "";
        if (text.Length > AppSpecLimits.MaxDocumentBytes || Encoding.UTF8.GetByteCount(text) > AppSpecLimits.MaxDocumentBytes)
        {
            diagnostics.Error(AppSpecDiagnosticCode.DocumentTooLarge, 1, 1, "",
                $"The appspec is larger than {AppSpecLimits.MaxDocumentBytes / 1024} KiB; a real one is a few KiB. Check that the right file was given.");
            return (null, diagnostics.ToImmutable());
        }

        if (text.StartsWith('\uFEFF'))
        {
            diagnostics.Error(AppSpecDiagnosticCode.ByteOrderMark, 1, 1, "",
                "The file starts with a UTF-8 byte-order mark; CodeDeploy's agent then reads only the first key. Save it as UTF-8 without BOM.");
            text = text[1..];
        }

        if (FirstControlCharacter(text) is { } bad)
        {
            diagnostics.Error(AppSpecDiagnosticCode.YamlSyntax, bad.Line, bad.Column, "",
                $"The file contains the control character U+{(int)bad.Char:X4}, which YAML does not allow. Is this a binary file? Save the appspec as plain UTF-8 text.");
            return (null, diagnostics.ToImmutable());
        }

        var root = new YamlTreeBuilder(diagnostics).Build(text);
        if (diagnostics.HasErrors && root is null)
        {
            return (null, diagnostics.ToImmutable());
        }

        if (root is null or YamlScalar { IsNull: true })
        {
            diagnostics.Error(AppSpecDiagnosticCode.EmptyDocument, root?.Line ?? 1, root?.Column ?? 1, "",
                "The appspec is empty. It needs at least 'version: 0.0' and 'os: linux' (or windows).");
            return (null, diagnostics.ToImmutable());
        }

        if (root is not YamlMapping map)
        {
            diagnostics.Error(AppSpecDiagnosticCode.RootNotAMapping, root, "",
                $"The appspec must be a map of keys (version, os, files, hooks...), but it is {root.Kind}. Check for stray lines and indentation.");
            return (null, diagnostics.ToImmutable());
        }

        return (ReadTopLevel(MapView.Read(map, "", diagnostics), diagnostics), diagnostics.ToImmutable());
    }

    /// <summary>The first character YAML forbids (C0 controls other than tab, LF, CR; DEL), with its 1-based position.</summary>
    private static (char Char, int Line, int Column)? FirstControlCharacter(string text)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if ((c < ' ' && c is not '\t' and not '\r') || c == '\u007F')
            {
                return (c, line, i - lineStart + 1);
            }
        }

        return null;
    }

    private static AppSpecDocument? ReadTopLevel(MapView top, DiagnosticBag diagnostics)
    {
        if (top.Has("Resources") && !top.Has("os"))
        {
            diagnostics.Error(AppSpecDiagnosticCode.EcsOrLambdaAppSpec, top.KeyNode("Resources")!, "Resources",
                "This is an ECS or Lambda appspec ('Resources:'). Greenlight deploys to servers: write an EC2/on-premises appspec with version, os, files and hooks.");
            return null;
        }

        top.WarnUnknownKeys(diagnostics, KnownTopLevel, "the appspec");
        VersionRule.Check(top.Get("version"), top.Node, diagnostics);
        var os = ReadOs(top, diagnostics);
        var behavior = ReadFileExistsBehavior(top.GetNonNull("file_exists_behavior"), diagnostics);
        var files = FilesReader.Read(top.Get("files"), os, diagnostics);
        var permissions = PermissionsReader.Read(top.Get("permissions"), top.KeyNode("permissions"), os, diagnostics);
        var hooks = HooksReader.Read(top.Get("hooks"), os, diagnostics);
        return os is { } o ? new AppSpecDocument(o, files, behavior, permissions, hooks) : null;
    }

    private static AppSpecOs? ReadOs(MapView top, DiagnosticBag diagnostics)
    {
        var node = top.Get("os");
        if (node is null)
        {
            diagnostics.Error(AppSpecDiagnosticCode.MissingOs, top.Node, "os", "The appspec has no 'os'. Add 'os: linux' or 'os: windows'.");
            return null;
        }

        switch (node)
        {
            case YamlScalar { Text: "linux" }:
                return AppSpecOs.Linux;
            case YamlScalar { Text: "windows" }:
                return AppSpecOs.Windows;
            default:
                var shown = node is YamlScalar s ? $"'{s.Text}'" : node.Kind;
                diagnostics.Error(AppSpecDiagnosticCode.InvalidOs, node, "os",
                    $"os {shown} is not supported. Write exactly 'linux' or 'windows' (lower case; distributions such as ubuntu are all 'linux').");
                return null;
        }
    }

    private static FileExistsBehavior? ReadFileExistsBehavior(YamlNode? node, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalar { Text: "DISALLOW" }:
                return FileExistsBehavior.Disallow;
            case YamlScalar { Text: "OVERWRITE" }:
                return FileExistsBehavior.Overwrite;
            case YamlScalar { Text: "RETAIN" }:
                return FileExistsBehavior.Retain;
            default:
                var shown = node is YamlScalar s ? $"'{s.Text}'" : node.Kind;
                diagnostics.Error(AppSpecDiagnosticCode.InvalidFileExistsBehavior, node, "file_exists_behavior",
                    $"file_exists_behavior {shown} is not valid. Write DISALLOW, OVERWRITE or RETAIN (upper case).");
                return null;
        }
    }
}
