namespace Greenlight.Cli.Output;

/// <summary>
/// A plain aligned table: upper-case headers, columns two spaces apart, the last column unpadded, <c>-</c> for an
/// empty cell. No colour or box drawing, so it reads the same in a terminal, a pipe or a log.
/// </summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public Table Add(params string?[] cells)
    {
        _rows.Add([.. cells.Select(c => string.IsNullOrEmpty(c) ? "-" : c)]);
        return this;
    }

    public void Write(TextWriter writer)
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        foreach (var row in _rows.Prepend(headers))
        {
            writer.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}

/// <summary>Label and value lines (<c>Name        web</c>), as <c>deployment get</c> prints them; null values are left out.</summary>
internal static class Fields
{
    public static void Write(TextWriter writer, params (string Label, string? Value)[] fields)
    {
        var width = Math.Max(14, fields.Max(f => f.Label.Length) + 1);
        foreach (var (label, value) in fields)
        {
            if (!string.IsNullOrEmpty(value))
            {
                writer.WriteLine($"{label.PadRight(width)} {value}");
            }
        }
    }
}
