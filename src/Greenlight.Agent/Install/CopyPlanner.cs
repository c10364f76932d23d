using Greenlight.Core.AppSpec;

namespace Greenlight.Agent.Install;

/// <summary>
/// Turns the <c>files</c> mappings into the ordered list of objects to create (codedeploy-semantics §1.3-1.4),
/// checking the disk as it stands after cleanup. A directory source contributes its contents, a file source
/// lands at <c>destination/&lt;basename&gt;</c>; missing ancestors are planned parent-first, existing directories
/// are reused and not planned. A destination that exists is handled by <see cref="FileExistsBehavior"/>;
/// RETAIN'd paths are claimed (so duplicates are still caught) but not planned. With an instance root an
/// existing symlink is never used as a folder, so nothing is written outside the root through one.
/// </summary>
internal sealed class CopyPlanner(string archive, InstancePaths paths, FileExistsBehavior behavior)
{
    private readonly List<PlannedEntry> _entries = [];
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public IReadOnlyList<PlannedEntry> Entries => _entries;

    public void Add(FileMapping mapping)
    {
        if (!BundlePath.TryResolve(mapping.Source, out var relative))
        {
            throw InstallFailedException.Of(InstallErrorCode.SourceOutsideBundle, mapping.Source,
                $"The deployment failed because source '{mapping.Source}' points outside the bundle.");
        }

        var source = relative.Length == 0 ? archive : Path.Combine(archive, relative);
        var destination = paths.ToHost(mapping.Destination);
        Check(destination);
        switch (FsEntry.Probe(source))
        {
            case FsKind.None:
                throw InstallFailedException.Of(InstallErrorCode.SourceMissing, mapping.Source,
                    $"The deployment failed because source '{mapping.Source}' (line {mapping.Line}) does not exist in the bundle.");
            case FsKind.Directory:
                EnsureDirectory(destination);
                AddContents(source, destination);
                break;
            default:
                EnsureDirectory(destination);
                AddObject(source, Path.Combine(destination, Path.GetFileName(source)));
                break;
        }
    }

    private void AddContents(string sourceDirectory, string destinationDirectory)
    {
        foreach (var source in Directory.EnumerateFileSystemEntries(sourceDirectory).Order(StringComparer.Ordinal))
        {
            var destination = Path.Combine(destinationDirectory, Path.GetFileName(source));
            Check(destination);
            if (FsEntry.Probe(source) == FsKind.Directory)
            {
                EnsureDirectory(destination);
                AddContents(source, destination);
            }
            else
            {
                AddObject(source, destination);
            }
        }
    }

    private void AddObject(string source, string destination)
    {
        if (_files.TryGetValue(destination, out var other))
        {
            throw InstallFailedException.Of(InstallErrorCode.DuplicateDestination, destination,
                $"The deployment failed because the application specification file specifies two source files, '{other}' and '{source}', for the same destination '{destination}'.");
        }

        if (_directories.Contains(destination))
        {
            throw InstallFailedException.Of(InstallErrorCode.DuplicateDestination, destination,
                $"The deployment failed because '{destination}' is both a directory being created and the destination of file '{source}'.");
        }

        _files[destination] = source;
        var kind = FsEntry.Probe(source) == FsKind.Symlink ? FsKind.Symlink : FsKind.File;
        var existing = FsEntry.Probe(destination);
        if (existing != FsKind.None)
        {
            switch (behavior)
            {
                case FileExistsBehavior.Retain:
                    return;
                case FileExistsBehavior.Overwrite when existing == FsKind.Directory:
                    throw InstallFailedException.Of(InstallErrorCode.DestinationIsDirectory, destination,
                        $"The deployment failed because file '{source}' cannot overwrite the existing directory '{destination}'.");
                case FileExistsBehavior.Overwrite:
                    break;
                default:
                    throw ExistsFailure(destination);
            }
        }

        _entries.Add(new PlannedEntry(kind, destination, source));
    }

    private void EnsureDirectory(string directory)
    {
        if (_directories.Contains(directory) || directory == paths.Root || directory == "/")
        {
            return;
        }

        if (_files.TryGetValue(directory, out var source))
        {
            throw InstallFailedException.Of(InstallErrorCode.DuplicateDestination, directory,
                $"The deployment failed because '{directory}' is both the destination of file '{source}' and a directory being created.");
        }

        switch (FsEntry.Probe(directory))
        {
            case FsKind.Directory:
            case FsKind.Symlink when Directory.Exists(directory) && paths.Root is null:
                return; // with an instance root, a symlinked folder could lead out of it: treated as a file

            case FsKind.None:
                EnsureDirectory(Path.GetDirectoryName(directory)!);
                _directories.Add(directory);
                _entries.Add(new PlannedEntry(FsKind.Directory, directory, null));
                return;
            default:
                throw behavior == FileExistsBehavior.Disallow
                    ? ExistsFailure(directory)
                    : InstallFailedException.Of(InstallErrorCode.DestinationNotDirectory, directory,
                        $"The deployment failed because a directory must be created at '{directory}' and a file already exists there.");
        }
    }

    private static InstallFailedException ExistsFailure(string path) =>
        InstallFailedException.Of(InstallErrorCode.FileAlreadyExists, path,
            $"The deployment failed because a specified file already exists at this location: {path}");

    private static void Check(string path)
    {
        if (path.Contains('\n', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal))
        {
            throw InstallFailedException.Of(InstallErrorCode.UnsupportedPath, path,
                $"The deployment failed because the path '{path.ReplaceLineEndings(" ")}' contains a newline or NUL, which Install cannot record for cleanup.");
        }
    }
}
