using System.Security.Cryptography;
using Greenlight.Bundles.Revisions;
using Greenlight.Core.AppSpec;

namespace Greenlight.Bundles.Tests.Revisions;

/// <summary>The content-addressed bundle store on a real temp directory.</summary>
public sealed class RevisionFileStoreTests : TempDirectory
{
    private const long Limit = 1024 * 1024;

    private string Root => Path.Combine(Temp, "revisions");

    [Theory]
    [InlineData(BundleType.Zip)]
    [InlineData(BundleType.Tar)]
    [InlineData(BundleType.Tgz)]
    public async Task StoreAsync_ValidBundle_StoredAtContentAddressWithMode0600(BundleType type)
    {
        var bytes = TestArchives.Build(type, TestArchives.GoodBundle);
        var sha = Sha256Of(bytes);
        var store = new RevisionFileStore(Root, Limit);

        var result = await StoreAsync(store, bytes, type, expected: sha);

        Assert.Equal(StoreBundleCode.Stored, result.Code);
        Assert.True(result.IsSuccess);
        Assert.Equal(new StoredBundle(sha, bytes.Length, type, Path.Combine(Root, sha[..2], $"{sha}.{type.ToName()}")), result.Bundle);
        Assert.Equal("appspec.yml", result.AppSpecPath);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(result.Bundle.Path));
        Assert.Equal([result.Bundle.Path], AllFiles());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(result.Bundle.Path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(Root, sha[..2])));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Root));
        }
    }

    [Fact]
    public async Task StoreAsync_WithoutExpectedSha_StoredUnderComputedLowerCaseSha()
    {
        var bytes = TestArchives.Build(BundleType.Zip, TestArchives.GoodBundle);

        var result = await StoreAsync(new RevisionFileStore(Root, Limit), bytes, BundleType.Zip, expected: null);

        Assert.True(result.IsSuccess);
        Assert.Equal(Sha256Of(bytes), result.Bundle.Sha256);
    }

    [Fact]
    public async Task StoreAsync_UpperCaseExpectedSha_AcceptedAndStoredLowerCase()
    {
        var bytes = TestArchives.Build(BundleType.Tgz, TestArchives.GoodBundle);
        var sha = Sha256Of(bytes);

        var result = await StoreAsync(new RevisionFileStore(Root, Limit), bytes, BundleType.Tgz, expected: sha.ToUpperInvariant());

        Assert.True(result.IsSuccess);
        Assert.Equal(sha, result.Bundle.Sha256);
    }

    [Fact]
    public async Task StoreAsync_SameBundleTwice_SameResultAndOneFile()
    {
        var bytes = TestArchives.Build(BundleType.Zip, TestArchives.GoodBundle);
        var store = new RevisionFileStore(Root, Limit);

        var first = await StoreAsync(store, bytes, BundleType.Zip, Sha256Of(bytes));
        var second = await StoreAsync(store, bytes, BundleType.Zip, Sha256Of(bytes));

        Assert.Equal(StoreBundleCode.Stored, second.Code);
        Assert.Equal(first.Bundle, second.Bundle);
        Assert.Equal(first.Message, second.Message);
        Assert.Equal(first.AppSpecPath, second.AppSpecPath);
        Assert.Equal([first.Bundle!.Path], AllFiles());
    }

    [Fact]
    public async Task StoreAsync_SameBundleConcurrently_AllStoredAndOneFile()
    {
        var bytes = TestArchives.Build(BundleType.Tgz, TestArchives.GoodBundle);
        var store = new RevisionFileStore(Root, Limit);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => StoreAsync(store, bytes, BundleType.Tgz, null))));

        Assert.All(results, r => Assert.Equal(StoreBundleCode.Stored, r.Code));
        Assert.Equal([store.PathOf(Sha256Of(bytes), BundleType.Tgz)], AllFiles());
    }

    [Fact]
    public async Task StoreAsync_DamagedFileAtTheAddress_ReplacedWithTheGoodBytes()
    {
        var bytes = TestArchives.Build(BundleType.Zip, TestArchives.GoodBundle);
        var store = new RevisionFileStore(Root, Limit);
        var path = store.PathOf(Sha256Of(bytes), BundleType.Zip);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes[..^10]);

        var result = await StoreAsync(store, bytes, BundleType.Zip, null);

        Assert.True(result.IsSuccess);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal([path], AllFiles());
    }

    [Fact]
    public async Task StoreAsync_WrongExpectedSha_Sha256MismatchNamingBothAndNothingLeft()
    {
        var bytes = TestArchives.Build(BundleType.Zip, TestArchives.GoodBundle);
        var wrong = new string('a', 64);

        var result = await StoreAsync(new RevisionFileStore(Root, Limit), bytes, BundleType.Zip, wrong);

        Assert.Equal(StoreBundleCode.Sha256Mismatch, result.Code);
        Assert.False(result.IsSuccess);
        Assert.Null(result.Bundle);
        Assert.Contains(wrong, result.Message, StringComparison.Ordinal);
        Assert.Contains(Sha256Of(bytes), result.Message, StringComparison.Ordinal);
        Assert.Empty(AllFiles());
    }

    [Fact]
    public async Task StoreAsync_OverSizeLimit_BundleTooLargeStopsReadingAndNothingLeft()
    {
        var content = new MemoryStream(new byte[10 * 1024]);

        var result = await new RevisionFileStore(Root, maxBundleBytes: 1024).StoreAsync(content, BundleType.Zip, null, CancellationToken.None);

        Assert.Equal(StoreBundleCode.BundleTooLarge, result.Code);
        Assert.Contains("1024 bytes", result.Message, StringComparison.Ordinal);
        Assert.True(content.Position <= 1025, $"read {content.Position} bytes");
        Assert.Empty(AllFiles());
    }

    [Fact]
    public async Task StoreAsync_ExactlyAtSizeLimit_Stored()
    {
        var bytes = TestArchives.Build(BundleType.Zip, TestArchives.GoodBundle);

        var result = await StoreAsync(new RevisionFileStore(Root, bytes.Length), bytes, BundleType.Zip, null);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task StoreAsync_BadVersionAndMissingScript_InvalidAppSpecWithBothPositionedAndNothingLeft()
    {
        var appspec = TestArchives.GoodAppSpec.Replace("version: 0.0", "version: 1.0", StringComparison.Ordinal);
        var bytes = TestArchives.Build(BundleType.Tgz, ("appspec.yml", appspec), ("app/index.html", "hi"));

        var result = await StoreAsync(new RevisionFileStore(Root, Limit), bytes, BundleType.Tgz, Sha256Of(bytes));

        Assert.Equal(StoreBundleCode.InvalidAppSpec, result.Code);
        Assert.Null(result.Bundle);
        Assert.Equal("appspec.yml", result.AppSpecPath);
        Assert.Collection(result.Diagnostics,
            d => Assert.Equal((AppSpecDiagnosticCode.InvalidVersion, AppSpecSeverity.Error, 1, 10, "version"), (d.Code, d.Severity, d.Line, d.Column, d.Path)),
            d => Assert.Equal((AppSpecDiagnosticCode.ScriptMissing, AppSpecSeverity.Error, 8, 17, "hooks.ApplicationStart[0].location"), (d.Code, d.Severity, d.Line, d.Column, d.Path)));
        Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrEmpty(d.Message)));
        Assert.Contains("InvalidVersion at 1:10", result.Message, StringComparison.Ordinal);
        Assert.Empty(AllFiles());
    }

    [Fact]
    public async Task StoreAsync_NoAppSpec_InvalidAppSpecWithAppSpecMissing()
    {
        var bytes = TestArchives.Build(BundleType.Zip, ("index.html", "hi"));

        var result = await StoreAsync(new RevisionFileStore(Root, Limit), bytes, BundleType.Zip, null);

        Assert.Equal(StoreBundleCode.InvalidAppSpec, result.Code);
        Assert.Null(result.AppSpecPath);
        Assert.Equal(AppSpecDiagnosticCode.AppSpecMissing, Assert.Single(result.Diagnostics).Code);
        Assert.Empty(AllFiles());
    }

    [Fact]
    public async Task StoreAsync_AppSpecWithWarning_StoredWithTheWarning()
    {
        var appspec = TestArchives.GoodAppSpec.Replace("version: 0.0", "version: \"0.0\"", StringComparison.Ordinal);
        var bytes = TestArchives.Build(BundleType.Zip, ("appspec.yml", appspec), ("app/index.html", "hi"), ("scripts/start.sh", "#!/bin/sh\n"));

        var result = await StoreAsync(new RevisionFileStore(Root, Limit), bytes, BundleType.Zip, null);

        Assert.True(result.IsSuccess);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((AppSpecDiagnosticCode.QuotedVersion, AppSpecSeverity.Warning), (warning.Code, warning.Severity));
    }

    [Theory]
    [InlineData(BundleType.Tgz, BundleType.Zip)]
    [InlineData(BundleType.Zip, BundleType.Tgz)]
    [InlineData(BundleType.Zip, BundleType.Tar)]
    [InlineData(BundleType.Tar, BundleType.Tgz)]
    public async Task StoreAsync_ArchiveOfAnotherType_InvalidBundleAndNothingLeft(BundleType actual, BundleType declared)
    {
        var bytes = TestArchives.Build(actual, TestArchives.GoodBundle);

        var result = await StoreAsync(new RevisionFileStore(Root, Limit), bytes, declared, null);

        Assert.Equal(StoreBundleCode.InvalidBundle, result.Code);
        Assert.Contains($"not a readable {declared.ToName()} archive", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Root, result.Message, StringComparison.Ordinal);
        Assert.Empty(AllFiles());
    }

    [Theory]
    [InlineData(BundleType.Zip)]
    [InlineData(BundleType.Tar)]
    [InlineData(BundleType.Tgz)]
    public async Task StoreAsync_NotAnArchive_InvalidBundleAndNothingLeft(BundleType declared)
    {
        var bytes = "this is not an archive, just some text that is long enough to fill a header or two"u8.ToArray();

        var result = await StoreAsync(new RevisionFileStore(Root, Limit), bytes, declared, null);

        Assert.Equal(StoreBundleCode.InvalidBundle, result.Code);
        Assert.Empty(AllFiles());
    }

    [Theory]
    [InlineData(BundleType.Zip)]
    [InlineData(BundleType.Tar)]
    [InlineData(BundleType.Tgz)]
    public async Task StoreAsync_Empty_InvalidBundleAndNothingLeft(BundleType declared)
    {
        var result = await StoreAsync(new RevisionFileStore(Root, Limit), [], declared, null);

        Assert.Equal(StoreBundleCode.InvalidBundle, result.Code);
        Assert.Empty(AllFiles());
    }

    [Theory]
    [InlineData(BundleType.Zip)]
    [InlineData(BundleType.Tgz)]
    public async Task StoreAsync_AppSpecInSingleTopLevelFolder_Stored(BundleType type)
    {
        var bytes = TestArchives.Build(type,
            ("myapp/", ""), ("myapp/appspec.yml", TestArchives.GoodAppSpec), ("myapp/app/index.html", "hi"), ("myapp/scripts/start.sh", "#!/bin/sh\n"));

        var result = await StoreAsync(new RevisionFileStore(Root, Limit), bytes, type, null);

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal("myapp/appspec.yml", result.AppSpecPath);
    }

    [Fact]
    public async Task StoreAsync_TarWithDotSlashNames_Stored()
    {
        var bytes = TestArchives.Build(BundleType.Tar,
            ("./", ""), ("./appspec.yml", TestArchives.GoodAppSpec), ("./app/index.html", "hi"), ("./scripts/start.sh", "#!/bin/sh\n"));

        var result = await StoreAsync(new RevisionFileStore(Root, Limit), bytes, BundleType.Tar, null);

        Assert.True(result.IsSuccess, result.Message);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    [InlineData("abc")]
    public async Task StoreAsync_MalformedExpectedSha_InvalidSha256BeforeReading(string expected)
    {
        var content = new MemoryStream(TestArchives.Build(BundleType.Zip, TestArchives.GoodBundle));

        var result = await new RevisionFileStore(Root, Limit).StoreAsync(content, BundleType.Zip, expected, CancellationToken.None);

        Assert.Equal(StoreBundleCode.InvalidSha256, result.Code);
        Assert.Equal(0, content.Position);
        Assert.Empty(AllFiles());
    }

    [Fact]
    public async Task StoreAsync_Cancelled_ThrowsAndNothingLeft()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var store = new RevisionFileStore(Root, Limit);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            store.StoreAsync(new MemoryStream(TestArchives.Build(BundleType.Zip, TestArchives.GoodBundle)), BundleType.Zip, null, cancel.Token));

        Assert.Empty(AllFiles());
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("../../../../../../../../../../../../../../../../../../../etc/passwd")]
    [InlineData("..aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("ggaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("")]
    public void PathOf_NotSixtyFourHexDigits_Refused(string sha256)
    {
        var store = new RevisionFileStore(Root, Limit);

        Assert.Throws<ArgumentException>(() => store.PathOf(sha256, BundleType.Zip));
        Assert.Throws<ArgumentException>(() => store.Exists(sha256, BundleType.Zip));
        Assert.Throws<ArgumentException>(() => store.OpenRead(sha256, BundleType.Zip));
    }

    [Fact]
    public void PathOf_UpperCaseSha_LowerCaseContentAddressInsideRoot()
    {
        var sha = "ABCDEF" + new string('0', 58);

        var path = new RevisionFileStore(Root, Limit).PathOf(sha, BundleType.Tgz);

        Assert.Equal(Path.Combine(Root, "ab", sha.ToLowerInvariant() + ".tgz"), path);
    }

    [Fact]
    public async Task OpenRead_StoredBundle_SameBytesAndExists()
    {
        var bytes = TestArchives.Build(BundleType.Tar, TestArchives.GoodBundle);
        var store = new RevisionFileStore(Root, Limit);
        var sha = (await StoreAsync(store, bytes, BundleType.Tar, null)).Bundle!.Sha256;

        using var stream = store.OpenRead(sha, BundleType.Tar);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy, CancellationToken.None);

        Assert.Equal(bytes, copy.ToArray());
        Assert.True(store.Exists(sha, BundleType.Tar));
        Assert.False(store.Exists(sha, BundleType.Tgz));
    }

    [Fact]
    public void OpenRead_Missing_NullAndNotExists()
    {
        var store = new RevisionFileStore(Root, Limit);
        var sha = new string('0', 64);

        Assert.Null(store.OpenRead(sha, BundleType.Zip));
        Assert.False(store.Exists(sha, BundleType.Zip));
    }

    [Fact]
    public async Task RemoveLeftoverTempFiles_AfterACrash_DeletesOnlyTempFiles()
    {
        var bytes = TestArchives.Build(BundleType.Zip, TestArchives.GoodBundle);
        var store = new RevisionFileStore(Root, Limit);
        var stored = (await StoreAsync(store, bytes, BundleType.Zip, null)).Bundle!.Path;
        await File.WriteAllBytesAsync(Path.Combine(Root, ".incoming-0123.tmp"), bytes[..100]);

        var removed = store.RemoveLeftoverTempFiles();

        Assert.Equal(1, removed);
        Assert.Equal([stored], AllFiles());
    }

    [Fact]
    public void RemoveLeftoverTempFiles_NoRootYet_Zero() => Assert.Equal(0, new RevisionFileStore(Root, Limit).RemoveLeftoverTempFiles());

    private static Task<StoreBundleResult> StoreAsync(RevisionFileStore store, byte[] bytes, BundleType type, string? expected) =>
        store.StoreAsync(new MemoryStream(bytes), type, expected, CancellationToken.None);

    private static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Every file under the root, hidden temp files included.</summary>
    private string[] AllFiles() => Directory.Exists(Root)
        ? Directory.GetFiles(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        : [];
}
