using System.Formats.Tar;
using Greenlight.Bundles.Extraction;
using static Greenlight.Bundles.Tests.Extraction.HostileArchives;

namespace Greenlight.Bundles.Tests.Extraction;

/// <summary>Valid bundles extract faithfully: nested directories, modes without special bits, internal symlinks, hardlinks.</summary>
public sealed class SafeExtractorTests : TempDirectory
{
    private const UnixFileMode Mode700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly string _staging;

    public SafeExtractorTests() => _staging = Path.Combine(Temp, "staging");

    [Theory]
    [InlineData(BundleType.Zip)]
    [InlineData(BundleType.Tar)]
    [InlineData(BundleType.Tgz)]
    public async Task ExtractAsync_ValidBundle_ExtractsTreeExecBitAndInternalSymlink(BundleType type)
    {
        var archive = Write(type, type == BundleType.Zip
            ? Zip(
                ZipItem.Text("app/", "", ZipDirectory | 0x1ED),
                ZipItem.Text("appspec.yml", TestArchives.GoodAppSpec, ZipRegular | 0x1A4),
                ZipItem.Text("app/lib/deep/index.html", "<h1>hi</h1>", ZipRegular | 0x1A4),
                ZipItem.Text("scripts/start.sh", "#!/bin/sh\n", ZipRegular | 0x1ED),
                ZipItem.Text("app/current", "lib/deep", ZipSymlink | 0x1FF))
            : Tar(
                type == BundleType.Tgz,
                TarDirectory("./"),
                TarDirectory("./app/"),
                TarFile("./appspec.yml", TestArchives.GoodAppSpec),
                TarFile("./app/lib/deep/index.html", "<h1>hi</h1>"),
                TarFile("./scripts/start.sh", "#!/bin/sh\n", Mode755),
                TarSymlink("./app/current", "lib/deep")));

        var result = await SafeExtractor.ExtractAsync(archive, type, _staging, ExtractionLimits.Default, CancellationToken.None);

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal(type == BundleType.Zip ? 5 : 6, result.EntryCount);
        Assert.Equal(TestArchives.GoodAppSpec.Length + "<h1>hi</h1>".Length + "#!/bin/sh\n".Length, result.TotalBytes);
        Assert.Equal(Mode700, File.GetUnixFileMode(_staging));
        Assert.Equal(TestArchives.GoodAppSpec, File.ReadAllText(Path.Combine(_staging, "appspec.yml")));
        Assert.Equal(Mode755, File.GetUnixFileMode(Path.Combine(_staging, "scripts", "start.sh")));
        Assert.Equal(Mode644, File.GetUnixFileMode(Path.Combine(_staging, "appspec.yml")));
        Assert.Equal(Mode755, File.GetUnixFileMode(Path.Combine(_staging, "app", "lib")));
        var link = new FileInfo(Path.Combine(_staging, "app", "current"));
        Assert.Equal("lib/deep", link.LinkTarget);
        Assert.Equal("<h1>hi</h1>", File.ReadAllText(Path.Combine(link.FullName, "index.html")));
    }

    [Theory]
    [InlineData(BundleType.Tar)]
    [InlineData(BundleType.Zip)]
    public async Task ExtractAsync_SetuidSetgidStickyBits_SucceedsWithBitsDropped(BundleType type)
    {
        const int SetuidExec = 0b100_111_101_101; // 04755
        const int StickyDir = 0b1_111_111_111; // 01777
        var archive = Write(type, type == BundleType.Zip
            ? Zip(ZipItem.Text("bin/", "", ZipDirectory | StickyDir), ZipItem.Text("bin/suid", "#!/bin/sh\n", ZipRegular | SetuidExec | 0b010_000_000_000))
            : Tar(
                new PaxTarEntry(TarEntryType.Directory, "bin/") { Mode = (UnixFileMode)StickyDir, Uid = 0, Gid = 0 },
                new PaxTarEntry(TarEntryType.RegularFile, "bin/suid")
                {
                    Mode = (UnixFileMode)(SetuidExec | 0b010_000_000_000), Uid = 0, Gid = 0, UserName = "root", GroupName = "root",
                    DataStream = new MemoryStream("#!/bin/sh\n"u8.ToArray()),
                }));

        var result = await SafeExtractor.ExtractAsync(archive, type, _staging, ExtractionLimits.Default, CancellationToken.None);

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal(Mode755, File.GetUnixFileMode(Path.Combine(_staging, "bin", "suid")));
        Assert.Equal(Mode755, File.GetUnixFileMode(Path.Combine(_staging, "bin")));
    }

    [Fact]
    public async Task ExtractAsync_HardlinkToEarlierFile_SharesTheFile()
    {
        var archive = Write(BundleType.Tar, Tar(TarFile("app/a.txt", "same"), TarHardlink("app/b.txt", "app/a.txt")));

        var result = await SafeExtractor.ExtractAsync(archive, BundleType.Tar, _staging, ExtractionLimits.Default, CancellationToken.None);

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal("same", File.ReadAllText(Path.Combine(_staging, "app", "b.txt")));
        Assert.Null(new FileInfo(Path.Combine(_staging, "app", "b.txt")).LinkTarget);
    }

    [Fact]
    public async Task ExtractAsync_SymlinkDeclaredBeforeItsTarget_IsKept()
    {
        var archive = Write(BundleType.Tar, Tar(TarSymlink("web/current", "../releases/1"), TarFile("releases/1/index.html", "v1")));

        var result = await SafeExtractor.ExtractAsync(archive, BundleType.Tar, _staging, ExtractionLimits.Default, CancellationToken.None);

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal("v1", File.ReadAllText(Path.Combine(_staging, "web", "current", "index.html")));
    }

    [Fact]
    public async Task ExtractAsync_PaxGlobalHeaderAsGitArchiveWrites_IsSkipped()
    {
        var global = new PaxGlobalExtendedAttributesTarEntry(new Dictionary<string, string> { ["comment"] = "0123456789abcdef" });
        var archive = Write(BundleType.Tar, Tar(global, TarFile("repo/appspec.yml", TestArchives.GoodAppSpec)));

        var result = await SafeExtractor.ExtractAsync(archive, BundleType.Tar, _staging, ExtractionLimits.Default, CancellationToken.None);

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal(["repo"], Directory.EnumerateFileSystemEntries(_staging).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ExtractAsync_EmptyStagingOwnedBySomeoneElse_IsReplacedByOursAt0700()
    {
        Directory.CreateDirectory(_staging);
        var chowned = Run("chown", "65534:65534", _staging) == ""; // needs root; otherwise only the mode is checked
        var archive = Write(BundleType.Tar, Tar(TarFile("a.txt", "a")));

        var result = await SafeExtractor.ExtractAsync(archive, BundleType.Tar, _staging, ExtractionLimits.Default, CancellationToken.None);

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal(Mode700, File.GetUnixFileMode(_staging));
        if (chowned)
        {
            Assert.Equal(Run("id", "-u")!.Trim(), Run("stat", "-c", "%u", _staging)?.Trim());
        }
    }

    [Fact]
    public async Task ExtractAsync_Cancelled_ThrowsAndRemovesStaging()
    {
        var archive = Write(BundleType.Tar, Tar(TarFile("a.txt", "a")));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => SafeExtractor.ExtractAsync(archive, BundleType.Tar, _staging, ExtractionLimits.Default, new CancellationToken(canceled: true)));

        Assert.False(Path.Exists(_staging));
    }

    [Fact]
    public async Task ExtractAsync_NonsenseLimits_ThrowsBeforeTouchingStaging()
    {
        var archive = Write(BundleType.Tar, Tar(TarFile("a.txt", "a")));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => SafeExtractor.ExtractAsync(archive, BundleType.Tar, _staging, new ExtractionLimits { MaxCompressionRatio = double.NaN }, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => SafeExtractor.ExtractAsync(archive, BundleType.Tar, _staging, new ExtractionLimits { MaxEntries = 0 }, CancellationToken.None));

        Assert.False(Path.Exists(_staging));
    }

    /// <summary>Pins what cleanup relies on: .NET's recursive delete unlinks a symlink to a directory, never what it points to.</summary>
    [Fact]
    public void DirectoryDelete_StagingWithSymlinkToOutsideDirectory_LeavesOutsideIntact()
    {
        var outside = Directory.CreateDirectory(Path.Combine(Temp, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "keep"), "keep");
        Directory.CreateDirectory(Path.Combine(_staging, "sub"));
        File.CreateSymbolicLink(Path.Combine(_staging, "sub", "out"), outside);

        Directory.Delete(_staging, recursive: true);

        Assert.Equal("keep", File.ReadAllText(Path.Combine(outside, "keep")));
    }

    /// <summary>Runs a command; its standard output, or null when it fails.</summary>
    private static string? Run(string command, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : null;
    }

    private string Write(BundleType type, byte[] bytes)
    {
        var path = Path.Combine(Temp, "bundle." + type.ToString().ToLowerInvariant());
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
