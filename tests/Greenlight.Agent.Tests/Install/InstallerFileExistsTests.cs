using Greenlight.Agent.Install;
using Greenlight.Core.AppSpec;

namespace Greenlight.Agent.Tests.Install;

public sealed class InstallerFileExistsTests : IDisposable
{
    private const string AppSpec = "version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: /opt/web\n";
    private readonly InstallFixture _f = new();

    public InstallerFileExistsTests()
    {
        Directory.CreateDirectory(_f.Host("/opt/web"));
        File.WriteAllText(_f.Host("/opt/web/index.html"), "foreign");
    }

    public void Dispose() => _f.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData(FileExistsBehavior.Disallow)]
    public async Task InstallAsync_DisallowForeignFile_FailsWithExactMessageAndTouchesNothing(FileExistsBehavior? behavior)
    {
        _f.Bundle("d-1", AppSpec, "app/index.html", "app/other.html");

        var result = await _f.InstallAsync("d-1", behavior);

        var path = _f.Host("/opt/web/index.html");
        Assert.Equal(InstallErrorCode.FileAlreadyExists, result.Error?.Code);
        Assert.Equal($"The deployment failed because a specified file already exists at this location: {path}", result.Error?.Message);
        Assert.Equal(path, result.Error?.Path);
        Assert.Equal("foreign", File.ReadAllText(path));
        Assert.False(File.Exists(_f.Host("/opt/web/other.html")));
        Assert.Empty(result.Written);
    }

    [Fact]
    public async Task InstallAsync_OverwriteForeignFile_ReplacesRecordsAndNextInstallRemovesIt()
    {
        _f.Bundle("d-1", AppSpec, "app/index.html");

        var result = await _f.InstallAsync("d-1", FileExistsBehavior.Overwrite);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("d-1:app/index.html", File.ReadAllText(_f.Host("/opt/web/index.html")));
        Assert.Equal([_f.Host("/opt/web/index.html")], _f.CleanupLines());

        _f.Bundle("d-2", "version: 0.0\nos: linux\n");
        Assert.True((await _f.InstallAsync("d-2", FileExistsBehavior.Overwrite)).Succeeded);
        Assert.False(File.Exists(_f.Host("/opt/web/index.html")));
        Assert.True(Directory.Exists(_f.Host("/opt/web")));
    }

    [Fact]
    public async Task InstallAsync_RetainForeignFile_KeepsItAndNeverRecordsIt()
    {
        _f.Bundle("d-1", AppSpec, "app/index.html", "app/new.html");

        var result = await _f.InstallAsync("d-1", FileExistsBehavior.Retain);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("foreign", File.ReadAllText(_f.Host("/opt/web/index.html")));
        Assert.Equal([_f.Host("/opt/web/new.html")], _f.CleanupLines());

        _f.Bundle("d-2", "version: 0.0\nos: linux\n");
        Assert.True((await _f.InstallAsync("d-2", FileExistsBehavior.Retain)).Succeeded);
        Assert.Equal("foreign", File.ReadAllText(_f.Host("/opt/web/index.html")));
        Assert.False(File.Exists(_f.Host("/opt/web/new.html")));
    }

    [Fact]
    public async Task InstallAsync_AppSpecBehavior_OverridesTheDeployments()
    {
        _f.Bundle("d-1", AppSpec + "file_exists_behavior: OVERWRITE\n", "app/index.html");

        var result = await _f.InstallAsync("d-1", FileExistsBehavior.Disallow);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("d-1:app/index.html", File.ReadAllText(_f.Host("/opt/web/index.html")));
    }

    [Fact]
    public async Task InstallAsync_SameGroupInstallsAgain_OwnFilesAreNotForeign()
    {
        File.Delete(_f.Host("/opt/web/index.html"));
        _f.Bundle("d-1", AppSpec, "app/index.html");
        Assert.True((await _f.InstallAsync("d-1")).Succeeded);
        _f.Bundle("d-2", AppSpec, "app/index.html");

        var result = await _f.InstallAsync("d-2");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("d-2:app/index.html", File.ReadAllText(_f.Host("/opt/web/index.html")));
    }

    [Fact]
    public async Task InstallAsync_OtherGroupsFiles_AreForeign()
    {
        File.Delete(_f.Host("/opt/web/index.html"));
        _f.BundleFor("dg-old", "d-1", AppSpec, "app/index.html");
        Assert.True((await _f.InstallAsync("d-1", group: "dg-old")).Succeeded);
        _f.Bundle("d-2", AppSpec, "app/index.html");

        var result = await _f.InstallAsync("d-2");

        Assert.Equal(InstallErrorCode.FileAlreadyExists, result.Error?.Code);
    }

    [Fact]
    public async Task InstallAsync_OverwriteFileOntoForeignDirectory_FailsDestinationIsDirectory()
    {
        Directory.CreateDirectory(_f.Host("/opt/web/assets"));
        _f.Bundle("d-1", "version: 0.0\nos: linux\nfiles:\n  - source: x/assets\n    destination: /opt/web\n", "x/assets");

        var result = await _f.InstallAsync("d-1", FileExistsBehavior.Overwrite);

        Assert.Equal(InstallErrorCode.DestinationIsDirectory, result.Error?.Code);
    }
}
