using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using Greenlight.Core.AppSpec;

namespace Greenlight.Bundles.Revisions;

/// <summary>
/// Bundle files kept by content address: <c>root/ab/abcdef….zip|tar|tgz</c> (the first two hex digits of
/// the SHA-256 shard the files). Files are 0600 under 0700 directories on Unix.
/// <para>
/// <see cref="StoreAsync"/> streams into a temp file (<c>root/.incoming-*.tmp</c>, on the same file system
/// as every final name) while hashing and counting, fsyncs it, checks the hash and the appspec, and only
/// then renames it into place and fsyncs the directory. A crash leaves at most a temp file, never a partial
/// file under a final name; every expected failure removes the temp file and returns a value.
/// </para>
/// </summary>
public sealed class RevisionFileStore
{
    private const string TempPrefix = ".incoming-";
    private const int BufferSize = 81_920;
    private const UnixFileMode FileMode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode DirectoryMode0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public RevisionFileStore(string root, long maxBundleBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBundleBytes);
        Root = Path.GetFullPath(root);
        MaxBundleBytes = maxBundleBytes;
    }

    /// <summary>The store's directory, e.g. <c>data-dir/revisions</c>, as a full path.</summary>
    public string Root { get; }

    /// <summary>Largest bundle accepted, in bytes.</summary>
    public long MaxBundleBytes { get; }

    /// <summary>
    /// Stores <paramref name="content"/> as a bundle of <paramref name="type"/>. Checks in order: size (at most
    /// <see cref="MaxBundleBytes"/>), <paramref name="expectedSha256"/> when given, that it reads as that archive
    /// type, and that its appspec validates without errors. Storing the same bytes again gives the same result
    /// and keeps one file. Throws only for I/O faults and cancellation, after removing the temp file.
    /// <paramref name="content"/> is read to its end (or one byte past the limit) and not disposed.
    /// </summary>
    public async Task<StoreBundleResult> StoreAsync(Stream content, BundleType type, string? expectedSha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        string? expected = null;
        if (expectedSha256 is not null && !Sha256Hex.TryNormalize(expectedSha256, out expected))
        {
            return StoreBundleResult.Failure(StoreBundleCode.InvalidSha256,
                $"The expected SHA-256 must be 64 hex characters; got {expectedSha256.Length} characters.");
        }

        CreateDirectory(Root);
        var temp = Path.Combine(Root, $"{TempPrefix}{Guid.NewGuid():N}.tmp");
        try
        {
            var (sha256, size) = await CopyAndHashAsync(content, temp, cancellationToken).ConfigureAwait(false);
            if (sha256 is null)
            {
                return StoreBundleResult.Failure(StoreBundleCode.BundleTooLarge, string.Create(CultureInfo.InvariantCulture,
                    $"The bundle is larger than the limit of {MaxBundleBytes} bytes; reading stopped there."));
            }

            if (expected is not null && !string.Equals(expected, sha256, StringComparison.Ordinal))
            {
                return StoreBundleResult.Failure(StoreBundleCode.Sha256Mismatch,
                    $"The bundle's SHA-256 is {sha256}, but {expected} was expected; it was not stored.");
            }

            if (size == 0)
            {
                // An empty gzip or tar stream reads as an archive with no entries; it is no bundle either way.
                return StoreBundleResult.Failure(StoreBundleCode.InvalidBundle, $"The bundle is empty (0 bytes); it is not a {type.ToName()} archive.");
            }

            var validation = Validate(temp, type, sha256);
            if (validation.Failure is { } failure)
            {
                return failure;
            }

            var final = PathOf(sha256, type);
            CommitAs(temp, final, sha256);
            return new StoreBundleResult(StoreBundleCode.Stored, $"Stored {sha256}.{type.ToName()} ({size.ToString(CultureInfo.InvariantCulture)} bytes).",
                new StoredBundle(sha256, size, type, final), validation.AppSpecPath, validation.Warnings);
        }
        finally
        {
            File.Delete(temp); // gone already after a rename; otherwise nothing may be left behind
        }
    }

    /// <summary>Full path of a bundle's content address (it may not exist). Throws <see cref="ArgumentException"/> unless <paramref name="sha256"/> is 64 hex digits.</summary>
    public string PathOf(string sha256, BundleType type)
    {
        var sha = Sha256Hex.Normalize(sha256, nameof(sha256));
        return Path.Combine(Root, sha[..2], $"{sha}.{type.ToName()}");
    }

    public bool Exists(string sha256, BundleType type) => File.Exists(PathOf(sha256, type));

    /// <summary>Opens a stored bundle for reading, or returns null when there is none at that address.</summary>
    public Stream? OpenRead(string sha256, BundleType type)
    {
        var path = PathOf(sha256, type);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes temp files that a crash left in the root (<c>.incoming-*.tmp</c>) and returns how many. Call it
    /// at startup, before any <see cref="StoreAsync"/>: it would also delete the temp file of a store in progress.
    /// </summary>
    public int RemoveLeftoverTempFiles()
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Root, $"{TempPrefix}*.tmp", new EnumerationOptions { AttributesToSkip = 0 }))
        {
            File.Delete(file);
            removed++;
        }

        return removed;
    }

    /// <summary>Copies into a new 0600 temp file while hashing; returns a null hash once more than the limit has arrived.</summary>
    private async Task<(string? Sha256, long Size)> CopyAndHashAsync(Stream content, string temp, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode0600;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var file = new FileStream(temp, options);
            await using (file.ConfigureAwait(false))
            {
                long size = 0;
                while (true)
                {
                    // Never ask for more than one byte past the limit: an oversized upload stops right there.
                    var want = (int)Math.Min(buffer.Length, MaxBundleBytes - size + 1);
                    var read = await content.ReadAsync(buffer.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    size += read;
                    if (size > MaxBundleBytes)
                    {
                        return (null, size);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
                return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the temp file as an archive of the declared type and validates its appspec like <c>greenlight validate</c>.</summary>
    private static (StoreBundleResult? Failure, string? AppSpecPath, ImmutableArray<AppSpecDiagnostic> Warnings) Validate(
        string temp, BundleType type, string sha256)
    {
        BundleContents contents;
        try
        {
            contents = ArchiveBundle.Open(temp, type, displayName: $"{sha256}.{type.ToName()}");
        }
        catch (BundleReadException ex)
        {
            return (StoreBundleResult.Failure(StoreBundleCode.InvalidBundle, ex.Message), null, []);
        }

        var result = BundleValidator.Validate(contents.Entries, contents.ReadText);
        if (!result.IsValid)
        {
            var first = result.Diagnostics.First(d => d.IsError);
            var message = string.Create(CultureInfo.InvariantCulture,
                $"The bundle's appspec{(result.AppSpecPath is { } p ? $" ({p})" : "")} has {result.ErrorCount} error(s) and {result.WarningCount} warning(s); first: {first.Code} at {first.Line}:{first.Column}: {first.Message}");
            return (new StoreBundleResult(StoreBundleCode.InvalidAppSpec, message, null, result.AppSpecPath, result.Diagnostics), null, []);
        }

        return (null, result.AppSpecPath, result.Diagnostics);
    }

    /// <summary>
    /// Renames the verified temp file to its content address. If a file is already there with the same hash
    /// (a repeat upload, or a concurrent one that won) the temp file is simply dropped; one with a different
    /// hash (damaged on disk) is replaced atomically.
    /// </summary>
    private void CommitAs(string temp, string final, string sha256)
    {
        var directory = Path.GetDirectoryName(final)!;
        CreateDirectory(directory);
        if (File.Exists(final))
        {
            if (string.Equals(HashOf(final), sha256, StringComparison.Ordinal))
            {
                return;
            }

            File.Move(temp, final, overwrite: true);
        }
        else
        {
            try
            {
                File.Move(temp, final, overwrite: false);
            }
            catch (IOException) when (File.Exists(final))
            {
                // A concurrent store of the same bytes renamed first: its file is complete and fsynced.
                return;
            }
        }

        DirectorySync.Flush(directory);
        DirectorySync.Flush(Root); // the shard directory may be new
    }

    private static string HashOf(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, DirectoryMode0700);
        }
    }
}
