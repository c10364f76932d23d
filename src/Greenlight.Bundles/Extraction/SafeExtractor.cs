using System.Runtime.Versioning;

namespace Greenlight.Bundles.Extraction;

/// <summary>
/// Extracts a revision bundle into a fresh staging directory, confined to it. Two passes: the first reads only
/// headers (and zip symlink targets) and refuses the archive on any rule or declared limit before a byte is
/// written; the second writes, counting the bytes actually produced against the headers and the limits. On any
/// failure the staging directory is removed and nothing outside it has been touched. Unix only (modes, links).
/// </summary>
[UnsupportedOSPlatform("windows")]
public static class SafeExtractor
{
    private const int BufferSize = 81920;

    /// <summary>
    /// Extracts <paramref name="archivePath"/>, an archive of <paramref name="type"/>, into
    /// <paramref name="stagingDirectory"/>, which must not exist yet or be an empty directory (it becomes 0700;
    /// its parent must exist). Expected failures are results (see <see cref="ExtractionCode"/>); cancellation
    /// throws <see cref="OperationCanceledException"/> after staging is removed, and a missing archive throws
    /// <see cref="FileNotFoundException"/> before staging is touched.
    /// </summary>
    public static async Task<ExtractionResult> ExtractAsync(
        string archivePath, BundleType type, string stagingDirectory, ExtractionLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archivePath);
        ArgumentNullException.ThrowIfNull(stagingDirectory);
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        if (!File.Exists(archivePath))
        {
            throw new FileNotFoundException($"No bundle at '{archivePath}' to extract.", archivePath);
        }

        var staging = Path.TrimEndingDirectorySeparator(Path.GetFullPath(stagingDirectory));
        if (PrepareStaging(staging) is { } refused)
        {
            return refused;
        }

        var current = new CurrentEntry();
        try
        {
            var plan = await PlanAsync(archivePath, type, limits, current, cancellationToken).ConfigureAwait(false);
            var total = await WriteAsync(archivePath, type, plan, new StagingWriter(staging), limits, current, cancellationToken).ConfigureAwait(false);
            return new ExtractionResult(ExtractionCode.Extracted, $"Extracted {plan.Entries.Count} entries ({total} bytes) into '{staging}'.", null, plan.Entries.Count, total);
        }
        catch (ExtractionFailure failure)
        {
            return Fail(staging, failure.Code, failure.EntryName, failure.Message);
        }
        catch (IOException ex) when (Posix.IsDiskFull(ex))
        {
            return Fail(staging, ExtractionCode.DiskFull, current.Name, $"{Naming(current)}the disk is full: {ex.Message}");
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or NotSupportedException)
        {
            return Fail(staging, ExtractionCode.InvalidArchive, current.Name, $"{Naming(current)}not a readable {type.ToName()} archive: {ex.Message}");
        }
        catch (EndOfStreamException ex)
        {
            return Fail(staging, ExtractionCode.SizeMismatch, current.Name, $"{Naming(current)}the archive ends inside this entry (truncated): {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(staging, ExtractionCode.IoError, current.Name, $"{Naming(current)}I/O failed while extracting: {ex.Message}");
        }
        catch
        {
            Remove(staging);
            throw;
        }
    }

    /// <summary>Creates staging 0700 (replacing an existing empty directory with our own); anything else is refused and left alone.</summary>
    private static ExtractionResult? PrepareStaging(string staging)
    {
        var parent = Path.GetDirectoryName(staging);
        if (parent is null || !System.IO.Directory.Exists(parent))
        {
            return ExtractionResult.Failure(ExtractionCode.InvalidStaging, null, $"The parent of staging directory '{staging}' does not exist.");
        }

        var notEmpty = ExtractionResult.Failure(ExtractionCode.InvalidStaging, null, $"Staging directory '{staging}' already exists and is not an empty directory.");
        try
        {
            Posix.MakeDirectory(staging, 0b111_000_000);
        }
        catch (IOException ex) when (ex.HResult == Posix.AlreadyExists)
        {
            if (!Posix.IsRealDirectory(staging) || System.IO.Directory.EnumerateFileSystemEntries(staging).Any())
            {
                return notEmpty;
            }

            // An empty directory someone else made may be owned by them, who could then swap our subdirectories for
            // symlinks mid-extraction. Replace it with one of our own (rmdir fails if anything appeared meanwhile).
            try
            {
                System.IO.Directory.Delete(staging, recursive: false);
                Posix.MakeDirectory(staging, 0b111_000_000);
            }
            catch (IOException)
            {
                return notEmpty;
            }
        }

        File.SetUnixFileMode(staging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return null;
    }

    private static async Task<ExtractionPlan> PlanAsync(
        string archivePath, BundleType type, ExtractionLimits limits, CurrentEntry current, CancellationToken cancellationToken)
    {
        var plan = new ExtractionPlan(limits);
        if (type == BundleType.Zip && ZipDirectoryPeek.DeclaredEntries(archivePath) is { } declared && declared > limits.MaxEntries)
        {
            throw new ExtractionFailure(ExtractionCode.TooManyEntries, null, $"The zip declares {declared} entries; the limit is {limits.MaxEntries}.");
        }

        var source = EntrySource.Open(archivePath, type);
        await using (source.ConfigureAwait(false))
        {
            if (source.KnownCount > limits.MaxEntries)
            {
                throw new ExtractionFailure(ExtractionCode.TooManyEntries, null, $"The archive holds {source.KnownCount} entries; the limit is {limits.MaxEntries}.");
            }

            while (await source.NextAsync(cancellationToken).ConfigureAwait(false) is { } entry)
            {
                cancellationToken.ThrowIfCancellationRequested();
                current.Name = entry.Name;
                plan.Add(entry);
            }
        }

        current.Name = null;
        plan.Complete();
        return plan;
    }

    private static async Task<long> WriteAsync(
        string archivePath, BundleType type, ExtractionPlan plan, StagingWriter writer, ExtractionLimits limits, CurrentEntry current, CancellationToken cancellationToken)
    {
        long total = 0;
        var symlinks = new List<PlannedEntry>();
        var source = EntrySource.Open(archivePath, type);
        await using (source.ConfigureAwait(false))
        {
            var buffer = new byte[BufferSize];
            foreach (var planned in plan.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entry = await source.NextAsync(cancellationToken).ConfigureAwait(false);
                if (entry is null || entry.Name != planned.Entry.Name || entry.Kind != planned.Entry.Kind)
                {
                    throw ExtractionFailure.For(ExtractionCode.InvalidArchive, planned.Entry.Name, "the archive changed between reading its headers and extracting it.");
                }

                current.Name = entry.Name;
                switch (entry.Kind)
                {
                    case EntryKind.Directory:
                        writer.Directory(planned.Path, entry.Mode);
                        break;
                    case EntryKind.File:
                        total += await CopyAsync(source, planned, writer, limits, total, buffer, cancellationToken).ConfigureAwait(false);
                        break;
                    case EntryKind.Hardlink:
                        writer.HardLink(planned.Path, planned.HardlinkTarget!);
                        break;
                    case EntryKind.Symlink:
                        symlinks.Add(planned);
                        break;
                    case EntryKind.Metadata:
                        break;
                    default:
                        throw new InvalidOperationException($"Unexpected entry kind {entry.Kind} after planning.");
                }
            }
        }

        writer.Finish();
        foreach (var link in symlinks)
        {
            current.Name = link.Entry.Name;
            writer.SymbolicLink(link.Path, link.Entry.LinkName!);
        }

        return total;
    }

    /// <summary>Streams one file, checking each buffer against the header and the limits before it is written.</summary>
    private static async Task<long> CopyAsync(
        EntrySource source, PlannedEntry planned, StagingWriter writer, ExtractionLimits limits, long totalSoFar, byte[] buffer, CancellationToken cancellationToken)
    {
        var entry = planned.Entry;
        long written = 0;
        var crc = new Crc32();
        var output = writer.CreateFile(planned.Path);
        await using (output.ConfigureAwait(false))
        {
            var input = source.OpenData();
            await using (input.ConfigureAwait(false))
            {
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    written += read;
                    CheckWritten(entry, written, totalSoFar + written, limits);
                    crc.Append(buffer.AsSpan(0, read));
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }

            if (written != entry.DeclaredSize)
            {
                throw ExtractionFailure.For(ExtractionCode.SizeMismatch, entry.Name, $"its header declares {entry.DeclaredSize} bytes but its data holds {written} (truncated).");
            }

            if (entry.Crc32 is { } expected && crc.Value != expected)
            {
                throw ExtractionFailure.For(ExtractionCode.SizeMismatch, entry.Name, "its data does not match its header's CRC-32 (a lying size header or corrupt data).");
            }

            File.SetUnixFileMode(output.SafeFileHandle, StagingWriter.FilePermissions(entry.Mode));
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    private static void CheckWritten(ArchiveEntry entry, long written, long total, ExtractionLimits limits)
    {
        if (written > entry.DeclaredSize)
        {
            throw ExtractionFailure.For(ExtractionCode.SizeMismatch, entry.Name, $"its data holds more than the {entry.DeclaredSize} bytes its header declares (a lying size header).");
        }

        if (written > limits.MaxFileBytes)
        {
            throw ExtractionFailure.For(ExtractionCode.FileTooLarge, entry.Name, $"it holds more than {limits.MaxFileBytes} bytes, the limit per file.");
        }

        if (total > limits.MaxTotalBytes)
        {
            throw ExtractionFailure.For(ExtractionCode.TotalSizeExceeded, entry.Name, $"the files hold more than {limits.MaxTotalBytes} bytes in all by this entry.");
        }

        if (entry.CompressedSize >= 0 && ExtractionPlan.RatioExceeded(written, entry.CompressedSize, limits))
        {
            throw ExtractionFailure.For(ExtractionCode.CompressionRatio, entry.Name, $"it expands more than {limits.MaxCompressionRatio} times its {entry.CompressedSize} compressed bytes.");
        }
    }

    private static ExtractionResult Fail(string staging, ExtractionCode code, string? entryName, string message)
    {
        var removed = Remove(staging);
        return ExtractionResult.Failure(code, entryName, removed is null ? message : $"{message} Removing staging also failed: {removed}");
    }

    /// <summary>Deletes staging; .NET's recursive delete removes symlinks without following them.</summary>
    private static string? Remove(string staging)
    {
        try
        {
            if (System.IO.Directory.Exists(staging))
            {
                System.IO.Directory.Delete(staging, recursive: true);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    private static string Naming(CurrentEntry current) =>
        current.Name is { } name ? $"Entry '{ExtractionFailure.Printable(name)}': " : "";

    /// <summary>The entry being read or written, so a fault deep in the BCL can still name it.</summary>
    private sealed class CurrentEntry
    {
        public string? Name { get; set; }
    }
}
