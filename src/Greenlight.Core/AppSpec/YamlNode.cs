namespace Greenlight.Core.AppSpec;

/// <summary>
/// A node of the small YAML tree the parser builds from YamlDotNet's event stream. It keeps what the
/// checks need: the 1-based start position, and for scalars the raw text and whether it was quoted.
/// Aliases resolve to the anchored node itself (shared by reference, never copied).
/// </summary>
internal abstract class YamlNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    public abstract string Kind { get; }
}

/// <summary>A scalar: raw text as written (after unquoting) and whether it was plain (unquoted).</summary>
internal sealed class YamlScalar(int line, int column, string text, bool isPlain) : YamlNode(line, column)
{
    public string Text { get; } = text;

    /// <summary>True for an unquoted scalar, which YAML 1.1 may read as a number, boolean or null.</summary>
    public bool IsPlain { get; } = isPlain;

    /// <summary>A plain empty, <c>~</c> or <c>null</c> scalar (YAML 1.1 null).</summary>
    public bool IsNull => IsPlain && Yaml11.IsNull(Text);

    public override string Kind => IsNull ? "nothing" : "text";
}

/// <summary>A list.</summary>
internal sealed class YamlSequence(int line, int column) : YamlNode(line, column)
{
    public List<YamlNode> Items { get; } = [];

    public override string Kind => "a list";
}

/// <summary>A map, with its entries in document order (duplicates and merge keys included).</summary>
internal sealed class YamlMapping(int line, int column) : YamlNode(line, column)
{
    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = [];

    public override string Kind => "a map";
}
