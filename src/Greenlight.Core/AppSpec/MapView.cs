namespace Greenlight.Core.AppSpec;

/// <summary>
/// A map as CodeDeploy sees it: a later duplicate key replaces the earlier one (warned as DuplicateKey),
/// and YAML 1.1 merge keys (<c>&lt;&lt;: *base</c>, one level) supply keys the map does not set itself.
/// It also reports keys the caller does not know as IgnoredKey.
/// </summary>
internal sealed class MapView
{
    private readonly Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    private MapView(YamlMapping map, string path, DiagnosticBag diagnostics)
    {
        Node = map;
        Path = path;
        var merges = new List<YamlNode>();
        foreach (var entry in map.Entries)
        {
            var key = entry.Key.Text;
            if (entry.Key.IsPlain && key == "<<")
            {
                merges.Add(entry.Value);
                continue;
            }

            if (_entries.ContainsKey(key))
            {
                diagnostics.Warning(AppSpecDiagnosticCode.DuplicateKey, entry.Key, Child(key),
                    $"Key '{key}' appears more than once in this map; the last one wins (as in CodeDeploy). Remove the duplicate.");
            }
            else
            {
                _order.Add(key);
            }

            _entries[key] = entry;
        }

        foreach (var merge in merges)
        {
            var sources = merge is YamlSequence seq ? seq.Items : [merge];
            foreach (var source in sources.OfType<YamlMapping>())
            {
                foreach (var entry in source.Entries.Where(e => !_entries.ContainsKey(e.Key.Text)))
                {
                    _order.Add(entry.Key.Text);
                    _entries[entry.Key.Text] = entry;
                }
            }
        }
    }

    public YamlMapping Node { get; }

    public string Path { get; }

    public IEnumerable<KeyValuePair<YamlScalar, YamlNode>> Entries => _order.Select(k => _entries[k]);

    public static MapView Read(YamlMapping map, string path, DiagnosticBag diagnostics) => new(map, path, diagnostics);

    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public YamlNode? Get(string key) => _entries.TryGetValue(key, out var e) ? e.Value : null;

    public YamlScalar? KeyNode(string key) => _entries.TryGetValue(key, out var e) ? e.Key : null;

    /// <summary>The value, or null when absent or written as YAML null (<c>key:</c> with nothing after it).</summary>
    public YamlNode? GetNonNull(string key) => Get(key) is { } v && !(v is YamlScalar { IsNull: true }) ? v : null;

    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>Warns IgnoredKey for every key not in <paramref name="known"/>.</summary>
    public void WarnUnknownKeys(DiagnosticBag diagnostics, IReadOnlyCollection<string> known, string where, Func<string, string?>? hint = null)
    {
        foreach (var entry in Entries.Where(e => !known.Contains(e.Key.Text)))
        {
            var key = entry.Key.Text;
            var extra = hint?.Invoke(key);
            diagnostics.Warning(AppSpecDiagnosticCode.IgnoredKey, entry.Key, Child(key),
                $"Unknown key '{key}' in {where} is ignored (by CodeDeploy too). {extra ?? $"Known keys: {string.Join(", ", known)}."}");
        }
    }
}
