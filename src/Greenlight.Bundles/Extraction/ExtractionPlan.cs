namespace Greenlight.Bundles.Extraction;

/// <summary>
/// The first pass: every entry is checked against the rules and limits before a byte is written, on a model of
/// the tree the archive would build. Symlinks are judged last, once the whole tree is known, by resolving them
/// on that model the way the kernel would (a link to <c>s/..</c> where <c>s</c> is itself a link resolves through
/// <c>s</c>), so no ordering of entries can make an accepted link point outside staging.
/// </summary>
internal sealed class ExtractionPlan(ExtractionLimits limits)
{
    private const int MaxSymlinkHops = 40; // Linux's MAXSYMLINKS
    private const int MaxResolveSteps = 4096; // segments walked per link, so crafted chains cannot cost quadratic time

    private readonly Dictionary<string, Node> _tree = new(StringComparer.Ordinal) { [""] = new Node(NodeKind.Directory, null, null) };
    private readonly List<PlannedEntry> _entries = [];
    private long _declaredBytes;

    private enum NodeKind
    {
        Directory,
        File,
        Symlink,
    }

    public IReadOnlyList<PlannedEntry> Entries => _entries;

    public long DeclaredBytes => _declaredBytes;

    public void Add(ArchiveEntry entry)
    {
        if (_entries.Count >= limits.MaxEntries)
        {
            throw ExtractionFailure.For(ExtractionCode.TooManyEntries, entry.Name, $"the archive holds more than {limits.MaxEntries} entries.");
        }

        if (entry.Kind == EntryKind.Unsupported)
        {
            throw ExtractionFailure.For(ExtractionCode.UnsupportedEntryType, entry.Name, $"it is {entry.LinkName}; only files, directories and links are extracted.");
        }

        if (entry.Kind == EntryKind.Metadata)
        {
            _entries.Add(new PlannedEntry(entry, ""));
            return;
        }

        var path = EntryPath.Normalize(entry.Name, limits.MaxDepth);
        if (path.Length == 0)
        {
            if (entry.Kind != EntryKind.Directory)
            {
                throw ExtractionFailure.For(ExtractionCode.UnsafePath, entry.Name, "it names the staging directory itself.");
            }

            _entries.Add(new PlannedEntry(entry, path));
            return;
        }

        CheckLimits(entry);
        CheckParents(entry, path);
        var planned = new PlannedEntry(entry, path);
        switch (entry.Kind)
        {
            case EntryKind.Directory:
                Place(entry, path, new Node(NodeKind.Directory, null, null));
                break;
            case EntryKind.File:
                Place(entry, path, new Node(NodeKind.File, null, null));
                break;
            case EntryKind.Hardlink:
                planned = planned with { HardlinkTarget = HardlinkTarget(entry) };
                Place(entry, path, new Node(NodeKind.File, null, null));
                break;
            case EntryKind.Symlink:
                Place(entry, path, new Node(NodeKind.Symlink, SymlinkTarget(entry), entry.Name));
                break;
            default:
                throw new InvalidOperationException($"Unexpected entry kind {entry.Kind}.");
        }

        _entries.Add(planned);
    }

    /// <summary>Judges every symlink against the finished tree.</summary>
    public void Complete()
    {
        foreach (var (path, node) in _tree)
        {
            if (node.Kind == NodeKind.Symlink && Resolve(path, node.Target!) is { } problem)
            {
                throw ExtractionFailure.For(ExtractionCode.LinkEscape, node.EntryName!, $"its symlink target '{ExtractionFailure.Printable(node.Target!)}' {problem}.");
            }
        }
    }

    private void CheckLimits(ArchiveEntry entry)
    {
        if (entry.Kind != EntryKind.File)
        {
            return;
        }

        if (entry.DeclaredSize > limits.MaxFileBytes)
        {
            throw ExtractionFailure.For(ExtractionCode.FileTooLarge, entry.Name, $"its header declares {entry.DeclaredSize} bytes; the limit per file is {limits.MaxFileBytes}.");
        }

        _declaredBytes += entry.DeclaredSize;
        if (_declaredBytes > limits.MaxTotalBytes)
        {
            throw ExtractionFailure.For(ExtractionCode.TotalSizeExceeded, entry.Name, $"the headers declare more than {limits.MaxTotalBytes} bytes in all by this entry.");
        }

        if (entry.CompressedSize >= 0 && RatioExceeded(entry.DeclaredSize, entry.CompressedSize, limits))
        {
            throw ExtractionFailure.For(ExtractionCode.CompressionRatio, entry.Name, $"its header declares {entry.DeclaredSize} bytes from {entry.CompressedSize} compressed, more than {limits.MaxCompressionRatio} times.");
        }
    }

    public static bool RatioExceeded(long uncompressed, long compressed, ExtractionLimits limits) =>
        uncompressed > limits.CompressionRatioGraceBytes && uncompressed > limits.MaxCompressionRatio * Math.Max(compressed, 1);

    /// <summary>Every parent must be (or become) a real directory: never a file, never a symlink to write through.</summary>
    private void CheckParents(ArchiveEntry entry, string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            var parent = path[..slash];
            if (!_tree.TryGetValue(parent, out var node))
            {
                _tree[parent] = new Node(NodeKind.Directory, null, null);
            }
            else if (node.Kind == NodeKind.Symlink)
            {
                throw ExtractionFailure.For(ExtractionCode.LinkEscape, entry.Name, $"it would be written through the symlink '{parent}' (entry '{ExtractionFailure.Printable(node.EntryName!)}').");
            }
            else if (node.Kind == NodeKind.File)
            {
                throw ExtractionFailure.For(ExtractionCode.DuplicateEntry, entry.Name, $"its parent '{parent}' is a file, not a directory.");
            }
        }
    }

    private void Place(ArchiveEntry entry, string path, Node node)
    {
        if (!_tree.TryGetValue(path, out var existing))
        {
            _tree[path] = node;
            return;
        }

        if (existing.Kind == NodeKind.Directory && node.Kind == NodeKind.Directory)
        {
            return;
        }

        var rule = (existing.Kind, node.Kind) switch
        {
            (NodeKind.Directory, _) => $"it would replace the directory '{path}' with a {Describe(node.Kind)}.",
            (_, NodeKind.Directory) => $"it would replace the {Describe(existing.Kind)} '{path}' with a directory.",
            _ => $"'{path}' is already in the archive as a {Describe(existing.Kind)}; duplicates are refused.",
        };
        throw ExtractionFailure.For(ExtractionCode.DuplicateEntry, entry.Name, rule);
    }

    private string HardlinkTarget(ArchiveEntry entry)
    {
        var target = entry.LinkName ?? "";
        EntryPath.CheckCharacters(entry.Name, target, "hardlink target");
        if (target.StartsWith('/') || EntryPath.HasDriveLetter(target) || target.Split('/').Contains(".."))
        {
            throw ExtractionFailure.For(ExtractionCode.LinkEscape, entry.Name, $"its hardlink target '{target}' is outside staging.");
        }

        var path = EntryPath.Normalize(entry.Name, target, "hardlink target", limits.MaxDepth);
        return _tree.TryGetValue(path, out var node) && node.Kind == NodeKind.File
            ? path
            : throw ExtractionFailure.For(ExtractionCode.LinkTargetInvalid, entry.Name, $"its hardlink target '{target}' is not a regular file extracted earlier from this archive.");
    }

    private string SymlinkTarget(ArchiveEntry entry)
    {
        var target = entry.LinkName ?? "";
        EntryPath.CheckCharacters(entry.Name, target, "symlink target");
        if (target.StartsWith('/') || EntryPath.HasDriveLetter(target))
        {
            throw ExtractionFailure.For(ExtractionCode.LinkEscape, entry.Name, $"its symlink target '{target}' is an absolute path.");
        }

        return target.Count(c => c == '/') >= limits.MaxDepth
            ? throw ExtractionFailure.For(ExtractionCode.PathTooLong, entry.Name, $"its symlink target has more than {limits.MaxDepth} segments.")
            : target;
    }

    /// <summary>Resolves a link on the model, following links met on the way; null when it stays inside, else why not.</summary>
    private string? Resolve(string linkPath, string target)
    {
        var at = new List<string>(linkPath.Split('/'));
        at.RemoveAt(at.Count - 1);
        var pending = new LinkedList<string>(target.Split('/'));
        var hops = 0;
        var steps = 0;
        while (pending.First is { } first)
        {
            if (++steps > MaxResolveSteps)
            {
                return $"takes more than {MaxResolveSteps} steps to resolve";
            }

            pending.RemoveFirst();
            var segment = first.Value;
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (at.Count == 0)
                {
                    return "resolves outside staging";
                }

                at.RemoveAt(at.Count - 1);
                continue;
            }

            at.Add(segment);
            if (_tree.TryGetValue(string.Join('/', at), out var node) && node.Kind == NodeKind.Symlink)
            {
                if (++hops > MaxSymlinkHops)
                {
                    return "is a symlink loop";
                }

                at.RemoveAt(at.Count - 1);
                foreach (var part in node.Target!.Split('/').Reverse())
                {
                    pending.AddFirst(part);
                }
            }
        }

        return null;
    }

    private static string Describe(NodeKind kind) => kind switch
    {
        NodeKind.Directory => "directory",
        NodeKind.File => "file",
        _ => "symlink",
    };

    private sealed record Node(NodeKind Kind, string? Target, string? EntryName);
}
