namespace Greenlight.Core.AppSpec;

/// <summary>Small helpers that read a node as text or a list of text, reporting WrongType otherwise.</summary>
internal static class ScalarReader
{
    /// <summary>The text of a non-null scalar; WrongType error and null otherwise.</summary>
    public static string? Text(YamlNode node, string path, DiagnosticBag diagnostics, string field)
    {
        if (node is YamlScalar { IsNull: false } s)
        {
            return s.Text;
        }

        diagnostics.Error(AppSpecDiagnosticCode.WrongType, node, path, $"'{field}' must be text, not {node.Kind}.");
        return null;
    }

    /// <summary>A list of text values; a YAML null is an empty list.</summary>
    public static List<string> TextList(YamlNode? node, string path, DiagnosticBag diagnostics, string field)
    {
        var result = new List<string>();
        if (node is null or YamlScalar { IsNull: true })
        {
            return result;
        }

        if (node is not YamlSequence seq)
        {
            diagnostics.Error(AppSpecDiagnosticCode.WrongType, node, path,
                $"'{field}' must be a list, e.g. {field}: [a, b], not {node.Kind}.");
            return result;
        }

        for (var i = 0; i < seq.Items.Count; i++)
        {
            if (Text(seq.Items[i], $"{path}[{i}]", diagnostics, field) is { } t)
            {
                result.Add(t);
            }
        }

        return result;
    }
}
