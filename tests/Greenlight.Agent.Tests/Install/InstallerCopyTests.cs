using Greenlight.Agent.Install;

namespace Greenlight.Agent.Tests.Install;

public sealed class InstallerCopyTests : IDisposable
{
    private const string Header = "version: 0.0\nos: linux\n";
    private readonly InstallFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task InstallAsync_DirectorySource_CopiesContentsNotTheFolder()
    {
        _f.Bundle("d-1", Header + "files:\n  - source: app\n    destination: /opt/web\n", "app/index.html", "app/lib/a.js");

        var result = await _f.InstallAsync("d-1");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("d-1:app/index.html", File.ReadAllText(_f.Host("/opt/web/index.html")));
        Assert.Equal("d-1:app/lib/a.js", File.ReadAllText(_f.Host("/opt/web/lib/a.js")));
        Assert.False(Directory.Exists(_f.Host("/opt/web/app")));
    }

    [Fact]
    public async Task InstallAsync_FileSource_LandsAtDestinationSlashBasename()
    {
        _f.Bundle("d-1", Header + "files:\n  - source: conf/web.conf\n    destination: /etc/web\n", "conf/web.conf");

        var result = await _f.InstallAsync("d-1");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("d-1:conf/web.conf", File.ReadAllText(_f.Host("/etc/web/web.conf")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("\\\\")]
    [InlineData(".")]
    [InlineData("./")]
    public async Task InstallAsync_WholeBundleSource_CopiesEverythingIncludingAppSpec(string source)
    {
        _f.Bundle("d-1", Header + $"files:\n  - source: \"{source}\"\n    destination: /srv/app\n", "a.txt", "scripts/start.sh");

        var result = await _f.InstallAsync("d-1");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.True(File.Exists(_f.Host("/srv/app/appspec.yml")));
        Assert.True(File.Exists(_f.Host("/srv/app/a.txt")));
        Assert.True(File.Exists(_f.Host("/srv/app/scripts/start.sh")));
    }

    [Fact]
    public async Task InstallAsync_MissingAncestors_CreatedAndRecordedParentFirst()
    {
        _f.Bundle("d-1", Header + "files:\n  - source: /x/f.txt\n    destination: /a/b\n", "x/f.txt");

        var result = await _f.InstallAsync("d-1");

        Assert.True(result.Succeeded, result.Error?.Message);
        string[] expected = [_f.Host("/a"), _f.Host("/a/b"), _f.Host("/a/b/f.txt")];
        Assert.Equal(expected, result.Written.ToArray());
        Assert.Equal(expected, _f.CleanupLines());
    }

    [Fact]
    public async Task InstallAsync_ExistingDirectory_ReusedAndNotRecorded()
    {
        Directory.CreateDirectory(_f.Host("/opt/web"));
        _f.Bundle("d-1", Header + "files:\n  - source: app\n    destination: /opt/web\n", "app/sub/x.txt");

        var result = await _f.InstallAsync("d-1");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal([_f.Host("/opt/web/sub"), _f.Host("/opt/web/sub/x.txt")], result.Written.ToArray());
        Assert.DoesNotContain(_f.Host("/opt"), _f.CleanupLines());
        Assert.DoesNotContain(_f.Host("/opt/web"), _f.CleanupLines());
    }

    [Fact]
    public async Task InstallAsync_TwoMappingsSameDestination_FailsDuplicateDestination()
    {
        _f.Bundle("d-1", Header + "files:\n  - source: a/x.txt\n    destination: /opt\n  - source: b/x.txt\n    destination: /opt\n",
            "a/x.txt", "b/x.txt");

        var result = await _f.InstallAsync("d-1");

        Assert.Equal(InstallErrorCode.DuplicateDestination, result.Error?.Code);
        Assert.Equal(_f.Host("/opt/x.txt"), result.Error?.Path);
        Assert.Contains(_f.Host("/opt/x.txt"), result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(result.Written);
        Assert.False(File.Exists(_f.Host("/opt/x.txt")));
    }

    [Fact]
    public async Task InstallAsync_FileWhereAnotherMappingCreatesDirectory_FailsDuplicateDestination()
    {
        _f.Bundle("d-1", Header + "files:\n  - source: one/lib\n    destination: /opt\n  - source: two\n    destination: /opt\n",
            "one/lib", "two/lib/x.txt");

        var result = await _f.InstallAsync("d-1");

        Assert.Equal(InstallErrorCode.DuplicateDestination, result.Error?.Code);
        Assert.Equal(_f.Host("/opt/lib"), result.Error?.Path);
    }

    [Fact]
    public async Task InstallAsync_BundleSymlink_RecreatedWithSameTarget()
    {
        var archive = _f.Bundle("d-1", Header + "files:\n  - source: /app\n    destination: /opt/web\n", "app/v1/index.html");
        File.CreateSymbolicLink(Path.Combine(archive, "app/current"), "v1");
        File.CreateSymbolicLink(Path.Combine(archive, "app/dangling"), "/nowhere/at/all");

        var result = await _f.InstallAsync("d-1");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("v1", new FileInfo(_f.Host("/opt/web/current")).LinkTarget);
        Assert.Equal("/nowhere/at/all", new FileInfo(_f.Host("/opt/web/dangling")).LinkTarget);
        Assert.Contains(_f.Host("/opt/web/current"), _f.CleanupLines());
    }

    [Fact]
    public async Task InstallAsync_SetuidExecutable_CopiedWithoutSetIdBitsKeepingModeAndTime()
    {
        var archive = _f.Bundle("d-1", Header + "files:\n  - source: bin/tool\n    destination: /usr/local/bin\n", "bin/tool");
        var tool = Path.Combine(archive, "bin/tool");
        File.SetUnixFileMode(tool, InstallFixture.Mode("6751"));
        var stamp = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(tool, stamp);

        var result = await _f.InstallAsync("d-1");

        Assert.True(result.Succeeded, result.Error?.Message);
        var copy = _f.Host("/usr/local/bin/tool");
        Assert.Equal(InstallFixture.Mode("751"), File.GetUnixFileMode(copy));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(copy));
    }

    [Fact]
    public async Task InstallAsync_SourceNotInBundle_FailsSourceMissing()
    {
        _f.Bundle("d-1", Header + "files:\n  - source: nope\n    destination: /opt\n");

        var result = await _f.InstallAsync("d-1");

        Assert.Equal(InstallErrorCode.SourceMissing, result.Error?.Code);
        Assert.Contains("nope", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallAsync_DestinationWithDotDot_StaysInsideInstanceRoot()
    {
        _f.Bundle("d-1", Header + "files:\n  - source: a.txt\n    destination: /../../etc\n", "a.txt");

        var result = await _f.InstallAsync("d-1");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal([_f.Host("/etc"), _f.Host("/etc/a.txt")], result.Written.ToArray());
    }

    [Fact]
    public async Task InstallAsync_RelativeDestination_FailsDestinationNotAbsolute()
    {
        _f.Bundle("d-1", Header + "files:\n  - source: a.txt\n    destination: opt/web\n", "a.txt");

        var result = await _f.InstallAsync("d-1");

        Assert.Equal(InstallErrorCode.DestinationNotAbsolute, result.Error?.Code);
        Assert.Contains("opt/web", result.Error!.Message, StringComparison.Ordinal);
    }
}
