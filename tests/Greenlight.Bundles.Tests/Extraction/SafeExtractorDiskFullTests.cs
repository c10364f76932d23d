using System.Diagnostics;
using Greenlight.Bundles.Extraction;
using static Greenlight.Bundles.Tests.Extraction.HostileArchives;

namespace Greenlight.Bundles.Tests.Extraction;

/// <summary>
/// reliability.md F11: the disk fills during extraction. Staging sits on a 256 KiB tmpfs, which needs root (and
/// CAP_SYS_ADMIN); where mounting is not allowed the test returns without asserting (xunit 2 cannot skip at run time).
/// </summary>
public sealed class SafeExtractorDiskFullTests : TempDirectory
{
    [Fact]
    public async Task ExtractAsync_DiskFillsDuringWrite_FailsDiskFullNamingEntryAndRemovesStaging()
    {
        var small = Directory.CreateDirectory(Path.Combine(Temp, "small")).FullName;
        if (!Run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", small))
        {
            return;
        }

        try
        {
            var noise = new byte[1024 * 1024];
            new Random(42).NextBytes(noise);
            var archive = Path.Combine(Temp, "bundle.tar");
            File.WriteAllBytes(archive, Tar(TarFile("small.txt", "fits"), new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "app/huge.bin") { DataStream = new MemoryStream(noise) }));
            var staging = Path.Combine(small, "staging");

            var result = await SafeExtractor.ExtractAsync(archive, BundleType.Tar, staging, ExtractionLimits.Default, CancellationToken.None);

            Assert.Equal(ExtractionCode.DiskFull, result.Code);
            Assert.Equal("app/huge.bin", result.EntryName);
            Assert.Contains("app/huge.bin", result.Message, StringComparison.Ordinal);
            Assert.False(Path.Exists(staging));
            Assert.Empty(Directory.EnumerateFileSystemEntries(small));
        }
        finally
        {
            Run("umount", small);
        }
    }

    private static bool Run(string command, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
