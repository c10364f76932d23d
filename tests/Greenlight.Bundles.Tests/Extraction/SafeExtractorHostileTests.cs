using System.Formats.Tar;
using System.IO.Compression;
using Greenlight.Bundles.Extraction;
using static Greenlight.Bundles.Tests.Extraction.HostileArchives;

namespace Greenlight.Bundles.Tests.Extraction;

/// <summary>
/// Hostile bundles (reliability.md B2, B3): each must fail with its code, name the offending entry, leave no
/// staging directory behind, and leave the canary tree beside staging (and /etc) byte-for-byte unchanged.
/// </summary>
public sealed class SafeExtractorHostileTests : TempDirectory
{
    private readonly string _work;
    private readonly string _staging;
    private readonly CanaryTree _canary;

    public SafeExtractorHostileTests()
    {
        _work = Directory.CreateDirectory(Path.Combine(Temp, "work")).FullName;
        _staging = Path.Combine(_work, "staging");
        _canary = new CanaryTree(_work, _staging);
    }

    /// <summary>Scenario → (entries, expected code, text the message must hold). Keyed by name so each row is its own test.</summary>
    private static readonly Dictionary<string, (Func<TarEntry[]> Entries, ExtractionCode Code, string Named)> TarCases = new()
    {
        ["dot-dot traversal"] = (() => [TarFile("ok.txt", "fine"), TarFile("../x", "pwned")], ExtractionCode.UnsafePath, "../x"),
        ["traversal mid-path"] = (() => [TarFile("a/../../x", "pwned")], ExtractionCode.UnsafePath, "a/../../x"),
        ["absolute path"] = (() => [TarFile("/etc/x", "pwned")], ExtractionCode.UnsafePath, "/etc/x"),
        ["drive letter"] = (() => [TarFile("C:/x", "pwned")], ExtractionCode.UnsafePath, "C:/x"),
        ["backslash traversal"] = (() => [TarFile("a\\..\\..\\x", "pwned")], ExtractionCode.UnsafePath, "a\\..\\..\\x"),
        ["control character"] = (() => [TarFile("a\u0001b", "pwned")], ExtractionCode.UnsafePath, "a\\u0001b"),
        ["symlink to /etc, then a file through it"] = (() => [TarSymlink("link", "/etc"), TarFile("link/passwd", "pwned")], ExtractionCode.LinkEscape, "link"),
        ["symlink to .."] = (() => [TarSymlink("up", "..")], ExtractionCode.LinkEscape, "up"),
        ["symlink to ../canary, then a file through it"] = (() => [TarSymlink("c", "../canary"), TarFile("c/file", "pwned")], ExtractionCode.LinkEscape, "c/file"),
        ["internal symlink, then a file through it"] = (() => [TarDirectory("sub/"), TarSymlink("link", "sub"), TarFile("link/f", "through")], ExtractionCode.LinkEscape, "link/f"),
        ["symlink escaping through another symlink"] = (() => [TarSymlink("sub/t", "s/.."), TarSymlink("sub/s", "..")], ExtractionCode.LinkEscape, "sub/t"),
        ["symlink loop"] = (() => [TarSymlink("a", "b/x"), TarSymlink("b", "a/y")], ExtractionCode.LinkEscape, "loop"),
        ["directory replaced by a symlink"] = (() => [TarDirectory("app/"), TarSymlink("app", "../canary"), TarFile("app/file", "pwned")], ExtractionCode.DuplicateEntry, "app"),
        ["file replaced by a directory"] = (() => [TarFile("a", "x"), TarDirectory("a/")], ExtractionCode.DuplicateEntry, "a/"),
        ["hardlink to /etc/shadow"] = (() => [TarHardlink("shadow", "/etc/shadow")], ExtractionCode.LinkEscape, "shadow"),
        ["hardlink to ../canary/file"] = (() => [TarHardlink("h", "../canary/file")], ExtractionCode.LinkEscape, "h"),
        ["hardlink to a missing file"] = (() => [TarHardlink("h", "nothing")], ExtractionCode.LinkTargetInvalid, "h"),
        ["hardlink to a directory"] = (() => [TarDirectory("d/"), TarHardlink("h", "d")], ExtractionCode.LinkTargetInvalid, "h"),
        ["character device"] = (() => [TarFile("ok", "x"), TarSpecial(TarEntryType.CharacterDevice, "null")], ExtractionCode.UnsupportedEntryType, "null"),
        ["block device"] = (() => [TarSpecial(TarEntryType.BlockDevice, "sda")], ExtractionCode.UnsupportedEntryType, "sda"),
        ["FIFO"] = (() => [TarSpecial(TarEntryType.Fifo, "pipe")], ExtractionCode.UnsupportedEntryType, "pipe"),
    };

    public static TheoryData<string> TarScenarios => new(TarCases.Keys);

    [Theory]
    [MemberData(nameof(TarScenarios))]
    public async Task ExtractAsync_HostileTar_FailsNamingEntryAndLeavesNoTrace(string scenario)
    {
        var (build, expected, named) = TarCases[scenario];
        var entries = build();
        foreach (var (type, bytes) in new[] { (BundleType.Tar, Tar(gzip: false, entries)), (BundleType.Tgz, Tar(gzip: true, entries)) })
        {
            var result = await ExtractUnchanged(type, bytes, ExtractionLimits.Default);

            Assert.True(expected == result.Code, $"{scenario} ({type}): expected {expected}, got {result.Code}: {result.Message}");
            Assert.Contains(named, result.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ExtractAsync_ZipTraversalAndAbsoluteAndNul_FailUnsafePath()
    {
        foreach (var name in new[] { "../x", "/etc/x", "C:\\x", "\\\\server\\share\\x", "a\0b" })
        {
            var result = await ExtractUnchanged(BundleType.Zip, Zip(ZipItem.Text(name, "pwned")), ExtractionLimits.Default);

            Assert.Equal(ExtractionCode.UnsafePath, result.Code);
            Assert.Contains(name.Replace("\0", "\\u0000", StringComparison.Ordinal), result.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ExtractAsync_ZipSymlinkToEtcThenFileThroughIt_FailsLinkEscape()
    {
        var zip = Zip(ZipItem.Text("link", "/etc", (ZipSymlink | 0x1FF)), ZipItem.Text("link/passwd", "pwned"));

        var result = await ExtractUnchanged(BundleType.Zip, zip, ExtractionLimits.Default);

        Assert.Equal(ExtractionCode.LinkEscape, result.Code);
        Assert.Equal("link", result.EntryName);
    }

    [Theory]
    [InlineData(0x2000, "a character device")]
    [InlineData(0x1000, "a FIFO")]
    [InlineData(0xC000, "a socket")]
    public async Task ExtractAsync_ZipSpecialFile_FailsUnsupportedEntryType(int type, string description)
    {
        var result = await ExtractUnchanged(BundleType.Zip, Zip(ZipItem.Text("special", "", type | 0x1A4)), ExtractionLimits.Default);

        Assert.Equal(ExtractionCode.UnsupportedEntryType, result.Code);
        Assert.Contains("'special'", result.Message, StringComparison.Ordinal);
        Assert.Contains(description, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_ZipBombHighRatio_FailsCompressionRatioBeforeWriting()
    {
        var zip = Zip(new ZipItem("zeros.bin", new byte[8 * 1024 * 1024]));

        var result = await ExtractUnchanged(BundleType.Zip, zip, ExtractionLimits.Default);

        Assert.Equal(ExtractionCode.CompressionRatio, result.Code);
        Assert.Equal("zeros.bin", result.EntryName);
    }

    [Fact]
    public async Task ExtractAsync_ZipSizeHeaderUnderstatesData_FailsWithoutWritingMoreThanDeclared()
    {
        var honest = Zip(new ZipItem("big.bin", new byte[64 * 1024]));
        var lying = WithLyingZipSize(honest, declared: 100);

        var result = await ExtractUnchanged(BundleType.Zip, lying, ExtractionLimits.Default);

        Assert.Equal(ExtractionCode.SizeMismatch, result.Code);
        Assert.Equal("big.bin", result.EntryName);
    }

    [Fact]
    public async Task ExtractAsync_ZipSizeHeaderOverstatesData_FailsSizeMismatch()
    {
        var honest = Zip(new ZipItem("small.bin", new byte[100], Level: CompressionLevel.NoCompression));
        var lying = WithLyingZipSize(honest, declared: 5000);

        var result = await ExtractUnchanged(BundleType.Zip, lying, ExtractionLimits.Default);

        Assert.Equal(ExtractionCode.SizeMismatch, result.Code);
        Assert.Equal("small.bin", result.EntryName);
    }

    [Theory]
    [InlineData(BundleType.Tar)]
    [InlineData(BundleType.Tgz)]
    public async Task ExtractAsync_TruncatedTarEntry_FailsSizeMismatch(BundleType type)
    {
        var whole = Tar(TarFile("first.txt", "ok"), TarFile("cut.bin", new string('z', 4000)));
        var dataStart = whole.Length - 1024 - 4096; // before the end-of-archive blocks and the padded 4000 bytes
        var cut = whole[..(dataStart + 1000)];
        var bytes = type == BundleType.Tgz ? Gzip(cut) : cut;

        var result = await ExtractUnchanged(type, bytes, ExtractionLimits.Default);

        Assert.Equal(ExtractionCode.SizeMismatch, result.Code);
        Assert.Equal("cut.bin", result.EntryName);
    }

    [Fact]
    public async Task ExtractAsync_MoreEntriesThanDefaultLimit_FailsTooManyEntries()
    {
        var tar = ManyEmptyFiles(ExtractionLimits.Default.MaxEntries + 1);

        var result = await ExtractUnchanged(BundleType.Tar, tar, ExtractionLimits.Default);

        Assert.Equal(ExtractionCode.TooManyEntries, result.Code);
        Assert.Equal($"f/{ExtractionLimits.Default.MaxEntries}", result.EntryName);
    }

    [Fact]
    public async Task ExtractAsync_ZipWithMoreEntriesThanLimit_FailsTooManyEntriesFromCentralDirectory()
    {
        var zip = Zip([.. Enumerable.Range(0, 11).Select(i => ZipItem.Text($"f{i}", ""))]);

        var result = await ExtractUnchanged(BundleType.Zip, zip, new ExtractionLimits { MaxEntries = 10 });

        Assert.Equal(ExtractionCode.TooManyEntries, result.Code);
    }

    [Fact]
    public async Task ExtractAsync_ZipDeclaringHugeEntryCount_FailsTooManyEntriesBeforeReadingCentralDirectory()
    {
        var zip = Zip(ZipItem.Text("a", "1"));
        var end = zip.AsSpan().LastIndexOf([(byte)0x50, (byte)0x4B, (byte)0x05, (byte)0x06]);
        BitConverter.TryWriteBytes(zip.AsSpan(end + 8, 2), (ushort)65000); // entries on this disk
        BitConverter.TryWriteBytes(zip.AsSpan(end + 10, 2), (ushort)65000); // entries in all

        var result = await ExtractUnchanged(BundleType.Zip, zip, new ExtractionLimits { MaxEntries = 1000 });

        Assert.Equal(ExtractionCode.TooManyEntries, result.Code);
        Assert.Contains("65000", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BundleType.Zip)]
    [InlineData(BundleType.Tar)]
    [InlineData(BundleType.Tgz)]
    public async Task ExtractAsync_OverTotalSizeLimit_FailsTotalSizeExceededNamingEntry(BundleType type)
    {
        var bytes = type == BundleType.Zip
            ? Zip(ZipItem.Text("a.txt", new string('a', 600)), ZipItem.Text("b.txt", new string('b', 600)))
            : Tar(type == BundleType.Tgz, TarFile("a.txt", new string('a', 600)), TarFile("b.txt", new string('b', 600)));

        var result = await ExtractUnchanged(type, bytes, new ExtractionLimits { MaxTotalBytes = 1000 });

        Assert.Equal(ExtractionCode.TotalSizeExceeded, result.Code);
        Assert.Equal("b.txt", result.EntryName);
    }

    [Fact]
    public async Task ExtractAsync_GzipOfZerosOverLimit_FailsBeforeWritingAByte()
    {
        var zeros = new PaxTarEntry(TarEntryType.RegularFile, "zeros.bin") { DataStream = new MemoryStream(new byte[8 * 1024 * 1024]) };

        var result = await ExtractUnchanged(BundleType.Tgz, Tar(gzip: true, zeros), new ExtractionLimits { MaxTotalBytes = 1024 * 1024 });

        Assert.Equal(ExtractionCode.TotalSizeExceeded, result.Code);
        Assert.Equal("zeros.bin", result.EntryName);
    }

    [Fact]
    public async Task ExtractAsync_OverFileSizeLimit_FailsFileTooLarge()
    {
        var result = await ExtractUnchanged(BundleType.Tar, Tar(TarFile("big.txt", new string('a', 2000))), new ExtractionLimits { MaxFileBytes = 1000 });

        Assert.Equal(ExtractionCode.FileTooLarge, result.Code);
        Assert.Equal("big.txt", result.EntryName);
    }

    [Fact]
    public async Task ExtractAsync_DeeperThanLimit_FailsPathTooLong()
    {
        var name = string.Join('/', Enumerable.Repeat("d", 10)) + "/f";

        var result = await ExtractUnchanged(BundleType.Tar, Tar(TarFile(name, "x")), new ExtractionLimits { MaxDepth = 10 });

        Assert.Equal(ExtractionCode.PathTooLong, result.Code);
    }

    [Fact]
    public async Task ExtractAsync_NameTenThousandDeep_FailsPathTooLongUnderDefaultLimits()
    {
        var name = string.Join('/', Enumerable.Repeat("d", 10_000)) + "/f";

        var result = await ExtractUnchanged(BundleType.Tgz, Tar(gzip: true, TarFile(name, "x")), ExtractionLimits.Default);

        Assert.Equal(ExtractionCode.PathTooLong, result.Code);
    }

    [Fact]
    public async Task ExtractAsync_DuplicateFile_FailsDuplicateEntry()
    {
        var result = await ExtractUnchanged(BundleType.Tar, Tar(TarFile("a", "1"), TarFile("./a", "2")), ExtractionLimits.Default);

        Assert.Equal(ExtractionCode.DuplicateEntry, result.Code);
        Assert.Equal("./a", result.EntryName);
    }

    [Fact]
    public async Task ExtractAsync_NotAnArchive_FailsInvalidArchive()
    {
        foreach (var type in new[] { BundleType.Zip, BundleType.Tgz })
        {
            var result = await ExtractUnchanged(type, "this is not an archive, just text"u8.ToArray(), ExtractionLimits.Default);

            Assert.Equal(ExtractionCode.InvalidArchive, result.Code);
        }
    }

    [Fact]
    public async Task ExtractAsync_StagingAlreadyHoldsFiles_FailsInvalidStagingAndLeavesItAlone()
    {
        Directory.CreateDirectory(_staging);
        File.WriteAllText(Path.Combine(_staging, "keep"), "mine");
        var archive = Path.Combine(Temp, "bundle.tar");
        File.WriteAllBytes(archive, Tar(TarFile("a", "1")));

        var result = await SafeExtractor.ExtractAsync(archive, BundleType.Tar, _staging, ExtractionLimits.Default, CancellationToken.None);

        Assert.Equal(ExtractionCode.InvalidStaging, result.Code);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_staging, "keep")));
    }

    [Fact]
    public async Task ExtractAsync_StagingIsSymlink_FailsInvalidStaging()
    {
        File.CreateSymbolicLink(_staging, Path.Combine(_work, "canary"));
        var archive = Path.Combine(Temp, "bundle.tar");
        File.WriteAllBytes(archive, Tar(TarFile("file", "pwned")));
        var before = File.ReadAllText(Path.Combine(_work, "canary", "file"));

        var result = await SafeExtractor.ExtractAsync(archive, BundleType.Tar, _staging, ExtractionLimits.Default, CancellationToken.None);

        Assert.Equal(ExtractionCode.InvalidStaging, result.Code);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_work, "canary", "file")));
    }

    /// <summary>Extracts, then checks the failure left no staging and no change outside it.</summary>
    private async Task<ExtractionResult> ExtractUnchanged(BundleType type, byte[] bytes, ExtractionLimits limits)
    {
        var archive = Path.Combine(Temp, "bundle." + type.ToString().ToLowerInvariant());
        File.WriteAllBytes(archive, bytes);
        var before = _canary.Snapshot();

        var result = await SafeExtractor.ExtractAsync(archive, type, _staging, limits, CancellationToken.None);

        Assert.False(result.IsSuccess, $"expected a failure, got: {result.Message}");
        Assert.False(Path.Exists(_staging), $"staging left behind after: {result.Message}");
        Assert.Equal(before, _canary.Snapshot());
        return result;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }
}
