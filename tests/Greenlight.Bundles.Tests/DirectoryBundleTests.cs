namespace Greenlight.Bundles.Tests;

/// <summary>A bundle that is a directory: listed with <c>/</c> separators, read on demand.</summary>
public sealed class DirectoryBundleTests : TempDirectory
{
    [Fact]
    public void Open_Directory_ListsFilesAndFoldersAndReadsOnDemand()
    {
        var root = Directory.CreateDirectory(Path.Combine(Temp, "web")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "scripts"));
        Directory.CreateDirectory(Path.Combine(root, "empty"));
        File.WriteAllText(Path.Combine(root, "appspec.yml"), TestArchives.GoodAppSpec);
        File.WriteAllText(Path.Combine(root, "scripts", "start.sh"), "#!/bin/sh\n");

        var bundle = DirectoryBundle.Open(root);

        Assert.Equal(["appspec.yml", "empty/", "scripts/", "scripts/start.sh"], bundle.Entries.Order(StringComparer.Ordinal));
        Assert.Equal(TestArchives.GoodAppSpec, bundle.ReadText("appspec.yml"));
        Assert.Equal($"{root}/appspec.yml", bundle.Label("appspec.yml"));
    }
}
