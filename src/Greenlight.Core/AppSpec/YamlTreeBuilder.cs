using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from YamlDotNet's low-level event <see cref="Parser"/>, without
/// recursion and without expanding aliases. It enforces the resource rules of reliability.md §3.8:
/// nesting deeper than <see cref="AppSpecLimits.MaxDepth"/> stops the build with NestingTooDeep before
/// anything deeper is read; explicit tags are TagNotAllowed; an alias is reported (AliasUsed) and
/// resolves to the anchored node by reference, so a "billion laughs" document stays a few dozen nodes.
/// Only the first document is read. YamlDotNet exceptions become YamlSyntax at the exception's mark.
/// </summary>
internal sealed class YamlTreeBuilder(DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _stack = new();
    private YamlNode? _root;

    /// <summary>The root of the first document, or null when there is none or the build failed.</summary>
    public YamlNode? Build(string text)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            var sawDocument = false;
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                if (current is DocumentStart && sawDocument)
                {
                    diagnostics.Warning(AppSpecDiagnosticCode.ExtraDocumentIgnored, Line(current.Start), Col(current.Start), "",
                        "Only the first YAML document is read, as CodeDeploy does; this and later documents are ignored. Remove them.");
                    return _root;
                }

                if (current is DocumentStart)
                {
                    sawDocument = true;
                }

                if (!Handle(current))
                {
                    return null;
                }
            }

            return _root;
        }
        catch (YamlException ex)
        {
            var (line, column) = Position(ex, text);
            diagnostics.Error(AppSpecDiagnosticCode.YamlSyntax, line, column, "",
                $"YAML syntax error: {StripMarks(ex.Message)}. Check indentation (spaces only), a space after each ':', and quote values that start with '*', '&', '!', '%' or '@'.");
            return null;
        }
#pragma warning disable CA1031 // The parser must never throw: any other failure of the YAML library is a syntax verdict too.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            diagnostics.Error(AppSpecDiagnosticCode.YamlSyntax, 1, 1, "", $"The YAML could not be read ({ex.GetType().Name}). Check the file is valid YAML text.");
            return null;
        }
    }

    private bool Handle(ParsingEvent e)
    {
        switch (e)
        {
            case Scalar s:
                CheckTag(s);
                Add(Register(s.Anchor, new YamlScalar(Line(s.Start), Col(s.Start), s.Value, s.Style == ScalarStyle.Plain)));
                return true;
            case AnchorAlias a:
                return AddAlias(a);
            case SequenceStart ss:
                return Open(ss, new YamlSequence(Line(ss.Start), Col(ss.Start)));
            case MappingStart ms:
                return Open(ms, new YamlMapping(Line(ms.Start), Col(ms.Start)));
            case SequenceEnd or MappingEnd:
                var frame = _stack.Pop();
                Add(Register(frame.Anchor, frame.Node));
                return true;
            default:
                return true;
        }
    }

    private bool Open(NodeEvent e, YamlNode node)
    {
        if (_stack.Count >= AppSpecLimits.MaxDepth)
        {
            diagnostics.Error(AppSpecDiagnosticCode.NestingTooDeep, node, "",
                $"Maps and lists are nested more than {AppSpecLimits.MaxDepth} levels deep; an appspec needs about 5. The document is not read further.");
            return false;
        }

        CheckTag(e);
        _stack.Push(new Frame(node, e.Anchor.IsEmpty ? null : e.Anchor.Value));
        return true;
    }

    private bool AddAlias(AnchorAlias a)
    {
        var name = a.Value.Value;
        if (!_anchors.TryGetValue(name, out var target))
        {
            diagnostics.Error(AppSpecDiagnosticCode.YamlSyntax, Line(a.Start), Col(a.Start), "",
                $"'*{name}' refers to an anchor '&{name}' that is not defined before it (a value starting with '*' must be quoted, e.g. pattern: \"*.sh\").");
            return false;
        }

        diagnostics.Warning(AppSpecDiagnosticCode.AliasUsed, Line(a.Start), Col(a.Start), "",
            $"Alias '*{name}': CodeDeploy agents on Ruby 3.1+ reject anchors and aliases (\"Unknown alias\"). Write the value out instead.");
        Add(target);
        return true;
    }

    private void CheckTag(NodeEvent e)
    {
        if (!e.Tag.IsEmpty)
        {
            diagnostics.Error(AppSpecDiagnosticCode.TagNotAllowed, Line(e.Start), Col(e.Start), "",
                $"Explicit YAML tag '{e.Tag.Value}' is not allowed in an appspec. Remove it (quote the value if it is text).");
        }
    }

    private YamlNode Register(AnchorName anchor, YamlNode node) => Register(anchor.IsEmpty ? null : anchor.Value, node);

    private YamlNode Register(string? anchor, YamlNode node)
    {
        if (anchor is not null)
        {
            _anchors[anchor] = node;
        }

        return node;
    }

    private void Add(YamlNode node)
    {
        if (_stack.Count == 0)
        {
            _root ??= node;
            return;
        }

        var top = _stack.Peek();
        switch (top.Node)
        {
            case YamlSequence seq:
                seq.Items.Add(node);
                break;
            case YamlMapping map when top.PendingKey is null:
                top.PendingKey = node as YamlScalar ?? NonScalarKey(node);
                break;
            case YamlMapping map:
                map.Entries.Add(new(top.PendingKey!, node));
                top.PendingKey = null;
                break;
        }
    }

    private YamlScalar NonScalarKey(YamlNode node)
    {
        diagnostics.Error(AppSpecDiagnosticCode.WrongType, node, "", $"A key must be text, not {node.Kind}.");
        return new YamlScalar(node.Line, node.Column, "", isPlain: false);
    }

    /// <summary>
    /// Where to point for a YamlDotNet error. Tab errors point at the first tab used as indentation (YamlDotNet
    /// reports an empty mark or the start of the enclosing scalar); others use the exception's start mark.
    /// </summary>
    private static (int Line, int Column) Position(YamlException ex, string text)
    {
        if (ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentationTab(text) is { } tab)
        {
            return tab;
        }

        var mark = ex.Start.Line > 1 || ex.Start.Column > 1 ? ex.Start : ex.End;
        return (Line(mark), Col(mark));
    }

    private static (int Line, int Column)? FirstIndentationTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent && indent < lines[i].TrimEnd('\r').Length)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    private static string StripMarks(string message)
    {
        // YamlDotNet prefixes "(Line: 1, Col: 2, Idx: 1) - (Line: 1, Col: 3, Idx: 2): ".
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        return (message.StartsWith("(Line", StringComparison.Ordinal) && i >= 0 ? message[(i + 3)..] : message).TrimEnd('.');
    }

    private static int Line(Mark m) => (int)Math.Clamp(m.Line, 1, int.MaxValue);

    private static int Col(Mark m) => (int)Math.Clamp(m.Column, 1, int.MaxValue);

    private sealed class Frame(YamlNode node, string? anchor)
    {
        public YamlNode Node { get; } = node;

        public string? Anchor { get; } = anchor;

        public YamlScalar? PendingKey { get; set; }
    }
}
