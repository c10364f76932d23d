using System.Formats.Tar;
using System.Runtime.InteropServices;
using CsCheck;
using Greenlight.Bundles.Extraction;
using static Greenlight.Bundles.Tests.Extraction.HostileArchives;

namespace Greenlight.Bundles.Tests.Extraction;

/// <summary>
/// "Nothing escapes", over random small tars of files, directories, symlinks and hardlinks whose names and
/// targets are drawn from <c>a</c>, <c>b</c>, <c>.</c>, <c>..</c>, <c>//</c> and a leading <c>/</c>: either extraction fails and leaves
/// no staging and an unchanged canary, or it succeeds and every path in staging, resolved by the kernel's
/// realpath, is still inside staging, and no file carries setuid, setgid or sticky bits.
/// </summary>
public sealed class SafeExtractorPropertyTests : TempDirectory
{
    // TarWriter refuses empty names. Names rarely traverse (so some archives extract); targets often do.
    private static readonly Gen<string> NameSegment = Gen.FrequencyConst((10, "a"), (10, "b"), (1, ".."), (2, "."), (1, "a//b"));

    private static readonly Gen<string> TargetSegment = Gen.FrequencyConst((4, "a"), (4, "b"), (3, ".."), (1, "."), (1, "a//b"));

    private static readonly Gen<string> Name = Gen.Select(Gen.Int[0, 39], NameSegment.Array[1, 3], (root, s) => (root == 0 ? "/" : "") + string.Join('/', s));

    private static readonly Gen<string> Target = Gen.Select(Gen.Int[0, 19], TargetSegment.Array[1, 4], (root, s) => (root == 0 ? "/" : "") + string.Join('/', s));

    private static readonly Gen<TarEntry> Entry = Gen.Select(Gen.Int[0, 8], Name, Target, (kind, name, target) => kind switch
    {
        < 3 => (TarEntry)TarFile(name, "data", (UnixFileMode)0b110_111_101_101),
        < 5 => TarDirectory(name + "/"),
        < 8 => TarSymlink(name, target),
        _ => TarHardlink(name, target),
    });

    private static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable("GREENLIGHT_PROPERTY_ITERATIONS"), out var n) && n > 0 ? n : 150;

    [Fact]
    [Trait("Category", "Property")]
    public async Task ExtractAsync_RandomLinksAndTraversals_NeverEscapeStaging()
    {
        var work = Directory.CreateDirectory(Path.Combine(Temp, "work")).FullName;
        var canary = new CanaryTree(work, Path.Combine(work, "s"));
        var before = canary.Snapshot();
        var case_ = 0;
        var keptLinks = 0;
        var codes = new System.Collections.Concurrent.ConcurrentDictionary<ExtractionCode, int>();

        await Entry.Array[1, 4].SampleAsync(
            async entries =>
            {
                var staging = Path.Combine(work, "s", $"{case_++}");
                Directory.CreateDirectory(Path.GetDirectoryName(staging)!);
                var archive = Path.Combine(Temp, "random.tar");
                await File.WriteAllBytesAsync(archive, Tar(entries));

                var result = await SafeExtractor.ExtractAsync(archive, BundleType.Tar, staging, ExtractionLimits.Default, CancellationToken.None);

                Assert.Equal(before, canary.Snapshot());
                codes.AddOrUpdate(result.Code, 1, (_, n) => n + 1);
                if (!result.IsSuccess)
                {
                    Assert.False(Path.Exists(staging), result.Message);
                    return;
                }

                foreach (var path in TreeWalk.Entries(staging))
                {
                    if (RealPath(path) is { } real)
                    {
                        Assert.True(real == staging || real.StartsWith(staging + "/", StringComparison.Ordinal), $"{path} resolves to {real}");
                    }

                    if (new FileInfo(path).LinkTarget is not null)
                    {
                        keptLinks++;
                    }
                    else
                    {
                        Assert.Equal(0, (int)File.GetUnixFileMode(path) & 0b111_000_000_000);
                    }
                }

                Directory.Delete(staging, recursive: true);
            },
            iter: Iterations,
            threads: 1,
            print: entries => entries is null ? "?" : string.Join(", ", entries.Select(e => $"{e.EntryType} '{e.Name}' -> '{e.LinkName}'")));

        Assert.True(keptLinks >= Iterations / 20, $"only {keptLinks} symlinks were kept in {Iterations} cases ({string.Join(", ", codes)}): the generator is too hostile to test the success side");
    }

    private static string? RealPath(string path)
    {
        var resolved = RealPathNative(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null; // dangling or looping: nothing on disk to reach
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Marshal.FreeHGlobal(resolved); // free(3) on Unix
        }
    }

    // DllImport, not LibraryImport: the generated marshalling needs unsafe code, which this test project does not allow.
    [DllImport("libc", EntryPoint = "realpath")]
    private static extern IntPtr RealPathNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);
}
