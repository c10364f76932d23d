using Greenlight.Agent.Install;

namespace Greenlight.Agent.Tests.Install;

public sealed class InstallerCleanupTests : IDisposable
{
    private const string Header = "version: 0.0\nos: linux\n";
    private readonly InstallFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task InstallAsync_PreviousInstallOfGroup_RemovesItsFilesAndEmptyDirectories()
    {
        _f.Bundle("d-1", Header + "files:\n  - source: app\n    destination: /opt/web\n", "app/old.txt", "app/gone/x.txt");
        Assert.True((await _f.InstallAsync("d-1")).Succeeded);
        _f.Bundle("d-2", Header + "files:\n  - source: app\n    destination: /opt/web\n", "app/new.txt");

        var result = await _f.InstallAsync("d-2");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.False(File.Exists(_f.Host("/opt/web/old.txt")));
        Assert.False(Directory.Exists(_f.Host("/opt/web/gone")));
        Assert.Equal("d-2:app/new.txt", File.ReadAllText(_f.Host("/opt/web/new.txt")));
        Assert.Equal([_f.Host("/opt"), _f.Host("/opt/web"), _f.Host("/opt/web/new.txt")], _f.CleanupLines());
    }

    [Fact]
    public async Task InstallAsync_PreviousDirectoryHoldsForeignFile_DirectoryKept()
    {
        _f.Bundle("d-1", Header + "files:\n  - source: app\n    destination: /opt/web\n", "app/logs/keep.txt");
        Assert.True((await _f.InstallAsync("d-1")).Succeeded);
        File.WriteAllText(_f.Host("/opt/web/logs/app.log"), "written by the app");
        _f.Bundle("d-2", Header);

        var result = await _f.InstallAsync("d-2");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.False(File.Exists(_f.Host("/opt/web/logs/keep.txt")));
        Assert.True(File.Exists(_f.Host("/opt/web/logs/app.log")));
        Assert.Empty(_f.CleanupLines());
    }

    [Fact]
    public async Task InstallAsync_CleanupLinesOutsideInstanceRoot_NeverTouched()
    {
        var outside = Path.Combine(_f.Scratch, "outside.txt");
        Directory.CreateDirectory(_f.Scratch);
        File.WriteAllText(outside, "not ours");
        Directory.CreateDirectory(_f.Instructions);
        File.WriteAllLines(Path.Combine(_f.Instructions, InstallFixture.Group + "-cleanup"),
            [outside, _f.InstanceRoot + "/../scratch/outside.txt", _f.InstanceRoot, "relative.txt"]);
        _f.Bundle("d-1", Header);

        var result = await _f.InstallAsync("d-1");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.True(File.Exists(outside));
        Assert.True(Directory.Exists(_f.InstanceRoot));
    }

    [Fact]
    public async Task InstallAsync_OtherGroupsCleanup_NotUsed()
    {
        _f.BundleFor("dg-other", "d-1", Header + "files:\n  - source: a.txt\n    destination: /opt\n", "a.txt");
        Assert.True((await _f.InstallAsync("d-1", group: "dg-other")).Succeeded);
        _f.Bundle("d-2", Header);

        var result = await _f.InstallAsync("d-2");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.True(File.Exists(_f.Host("/opt/a.txt")));
    }

    [Fact]
    public async Task InstallAsync_FailureAfterCopyStarted_CleanupFileListsWhatWasWrittenAndNextInstallRemovesIt()
    {
        var failingSetfacl = _f.ToolDirectory(("setfacl", "echo 'setfacl: Operation not supported' >&2; exit 3"));
        _f.Bundle("d-1", Header
            + "files:\n  - source: app\n    destination: /opt/web\n"
            + "permissions:\n  - object: /opt/web\n    acls: [\"u:nobody:r\"]\n    type: [file]\n", "app/a.txt");

        var failed = await _f.InstallAsync("d-1", options: new InstallerOptions { ToolDirectories = [failingSetfacl] });

        Assert.Equal(InstallErrorCode.ToolFailed, failed.Error?.Code);
        Assert.Contains("Operation not supported", failed.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(_f.Host("/opt/web/a.txt"), failed.Error.Path);
        string[] written = [_f.Host("/opt"), _f.Host("/opt/web"), _f.Host("/opt/web/a.txt")];
        Assert.Equal(written, failed.Written.ToArray());
        Assert.Equal(written, _f.CleanupLines());
        Assert.False(File.Exists(Path.Combine(_f.Instructions, InstallFixture.Group + "_last_successful_install")));

        _f.Bundle("d-2", Header);
        Assert.True((await _f.InstallAsync("d-2")).Succeeded);
        Assert.False(Directory.Exists(_f.Host("/opt")));
    }

    [Fact]
    public async Task InstallAsync_CleanupLineThroughSymlinkedFolder_NotFollowedOutOfInstanceRoot()
    {
        Directory.CreateDirectory(_f.Scratch);
        File.WriteAllText(Path.Combine(_f.Scratch, "victim.txt"), "not ours");
        File.CreateSymbolicLink(_f.Host("/link"), _f.Scratch);
        Directory.CreateDirectory(_f.Instructions);
        File.WriteAllLines(Path.Combine(_f.Instructions, InstallFixture.Group + "-cleanup"), [_f.Host("/link/victim.txt")]);
        _f.Bundle("d-1", Header);

        var result = await _f.InstallAsync("d-1");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.True(File.Exists(Path.Combine(_f.Scratch, "victim.txt")));
    }

    [Fact]
    public async Task InstallAsync_DestinationThroughSymlinkedFolder_RefusedWithInstanceRoot()
    {
        Directory.CreateDirectory(_f.Scratch);
        File.CreateSymbolicLink(_f.Host("/opt"), _f.Scratch);
        _f.Bundle("d-1", Header + "files:\n  - source: a.txt\n    destination: /opt/web\n", "a.txt");

        var result = await _f.InstallAsync("d-1");

        Assert.Equal(InstallErrorCode.FileAlreadyExists, result.Error?.Code);
        Assert.Equal(_f.Host("/opt"), result.Error?.Path);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_f.Scratch));
    }

    [Fact]
    public async Task InstallAsync_WhileCopying_CleanupFileAlreadyListsEveryPlannedPath()
    {
        var seen = Path.Combine(_f.Scratch, "seen.txt");
        var cleanup = Path.Combine(_f.Instructions, InstallFixture.Group + "-cleanup");
        var spy = _f.ToolDirectory(("setfacl", $"cat '{cleanup}' > '{seen}'"));
        _f.Bundle("d-1", Header
            + "files:\n  - source: app\n    destination: /opt/web\n"
            + "permissions:\n  - object: /opt/web/a.txt\n    acls: [\"u:nobody:r\"]\n", "app/a.txt", "app/b.txt");

        var result = await _f.InstallAsync("d-1", options: new InstallerOptions { ToolDirectories = [spy] });

        Assert.True(result.Succeeded, result.Error?.Message);
        string[] planned = [_f.Host("/opt"), _f.Host("/opt/web"), _f.Host("/opt/web/a.txt"), _f.Host("/opt/web/b.txt")];
        Assert.Equal(planned, File.ReadAllLines(seen));
        Assert.Equal(planned, _f.CleanupLines());
    }
}
