using Greenlight.Core.AppSpec;

namespace Greenlight.Bundles.Tests;

/// <summary>Reading zip, tar and tgz bundles in place: names, appspec text, declared types and broken files.</summary>
public sealed class ArchiveBundleTests : TempDirectory
{
    [Theory]
    [InlineData("bundle.zip", BundleType.Zip)]
    [InlineData("bundle.tar", BundleType.Tar)]
    [InlineData("bundle.tgz", BundleType.Tgz)]
    [InlineData("bundle.tar.gz", BundleType.Tgz)]
    public void Open_ByFileName_ListsEntriesAndReadsAppSpec(string name, BundleType type)
    {
        var path = TestArchives.Write(Path.Combine(Temp, name), type, [("app/", ""), .. TestArchives.GoodBundle]);

        var bundle = ArchiveBundle.Open(path);

        Assert.Equal(["app/", "appspec.yml", "app/index.html", "scripts/start.sh"], bundle.Entries);
        Assert.Equal(TestArchives.GoodAppSpec, bundle.ReadText("appspec.yml"));
        Assert.Equal($"{path}!appspec.yml", bundle.Label("appspec.yml"));
        Assert.True(BundleValidator.Validate(bundle.Entries, bundle.ReadText).IsValid);
    }

    [Theory]
    [InlineData(BundleType.Zip)]
    [InlineData(BundleType.Tar)]
    [InlineData(BundleType.Tgz)]
    public void Open_DeclaredTypeWithOtherName_ReadsAsDeclaredAndLabelsWithDisplayName(BundleType type)
    {
        var path = TestArchives.Write(Path.Combine(Temp, "upload.tmp"), type, TestArchives.GoodBundle);

        var bundle = ArchiveBundle.Open(path, type, displayName: "abc.bin");

        Assert.Equal("abc.bin!appspec.yml", bundle.Label("appspec.yml"));
        Assert.Equal(TestArchives.GoodAppSpec, bundle.ReadText("./appspec.yml"));
    }

    [Theory]
    [InlineData(BundleType.Tgz, BundleType.Zip)]
    [InlineData(BundleType.Zip, BundleType.Tgz)]
    [InlineData(BundleType.Zip, BundleType.Tar)]
    [InlineData(BundleType.Tar, BundleType.Tgz)]
    public void Open_OtherTypeThanDeclared_BundleReadExceptionNamingTheBundle(BundleType actual, BundleType declared)
    {
        var path = TestArchives.Write(Path.Combine(Temp, "bundle"), actual, TestArchives.GoodBundle);

        var ex = Assert.Throws<BundleReadException>(() => ArchiveBundle.Open(path, declared, "the-bundle"));

        Assert.StartsWith($"'the-bundle' is not a readable {declared.ToName()} archive", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("broken.zip")]
    [InlineData("broken.tgz")]
    [InlineData("broken.tar")]
    public void Open_TextFileNamedAsArchive_BundleReadException(string name)
    {
        var path = Path.Combine(Temp, name);
        File.WriteAllText(path, "not an archive");

        var ex = Assert.Throws<BundleReadException>(() => ArchiveBundle.Open(path));

        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileWithoutArchiveExtension_BundleReadException()
    {
        var path = Path.Combine(Temp, "bundle.rar");
        File.WriteAllText(path, "x");

        Assert.Throws<BundleReadException>(() => ArchiveBundle.Open(path));
    }

    [Fact]
    public void Open_AppSpecTwoFoldersDown_ListedButNotRead()
    {
        var path = TestArchives.Write(Path.Combine(Temp, "deep.zip"), BundleType.Zip,
            ("a/appspec.yml", "one down"), ("a/b/appspec.yml", "two down"), ("a/notes.txt", "not a candidate"));

        var bundle = ArchiveBundle.Open(path);

        Assert.Equal("one down", bundle.ReadText("a/appspec.yml"));
        Assert.Null(bundle.ReadText("a/b/appspec.yml"));
        Assert.Null(bundle.ReadText("a/notes.txt"));
        Assert.Contains("a/b/appspec.yml", bundle.Entries);
    }

    [Fact]
    public void Open_HugeAppSpecInTgz_ReadCappedJustPastTheLimit()
    {
        var path = TestArchives.Write(Path.Combine(Temp, "huge.tgz"), BundleType.Tgz, ("appspec.yml", new string('x', 3 * AppSpecLimits.MaxDocumentBytes)));

        var bundle = ArchiveBundle.Open(path);

        Assert.Equal(AppSpecLimits.MaxDocumentBytes + 1, bundle.ReadText("appspec.yml")!.Length);
    }

    [Theory]
    [InlineData("a.zip", true)]
    [InlineData("A.TAR.GZ", true)]
    [InlineData("a.tgz", true)]
    [InlineData("a.tar", true)]
    [InlineData("a.gz", false)]
    [InlineData("appspec.yml", false)]
    public void IsArchive_FileName_ByExtension(string path, bool expected) => Assert.Equal(expected, ArchiveBundle.IsArchive(path));
}
