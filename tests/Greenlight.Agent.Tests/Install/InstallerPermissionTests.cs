using Greenlight.Agent.Install;

namespace Greenlight.Agent.Tests.Install;

public sealed class InstallerPermissionTests : IDisposable
{
    private const string Files = "version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: /opt/web\npermissions:\n";
    private static readonly string[] Tree = ["app/run.sh", "app/readme.txt", "app/bin/deep.sh", "app/bin/lib/x.so"];
    private readonly InstallFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task<InstallResult> InstallTreeAsync(string permissions, InstallerOptions? options = null)
    {
        var archive = _f.Bundle("d-1", Files + permissions, Tree);
        foreach (var file in Tree)
        {
            File.SetUnixFileMode(Path.Combine(archive, file), InstallFixture.Mode("600"));
        }

        return await _f.InstallAsync("d-1", options: options);
    }

    private UnixFileMode ModeOf(string instancePath) => File.GetUnixFileMode(_f.Host(instancePath));

    [Fact]
    public async Task InstallAsync_ModeByType_FilesGet0644AndDirectories0755()
    {
        var result = await InstallTreeAsync(
            "  - object: /opt/web\n    mode: \"0644\"\n    type: [file]\n"
            + "  - object: /opt/web\n    mode: 751\n    type: [directory]\n");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(InstallFixture.Mode("644"), ModeOf("/opt/web/run.sh"));
        Assert.Equal(InstallFixture.Mode("644"), ModeOf("/opt/web/bin/lib/x.so"));
        Assert.Equal(InstallFixture.Mode("751"), ModeOf("/opt/web/bin"));
        Assert.Equal(InstallFixture.Mode("751"), ModeOf("/opt/web/bin/lib"));
        Assert.NotEqual(InstallFixture.Mode("751"), ModeOf("/opt/web"));
    }

    [Fact]
    public async Task InstallAsync_GlobPattern_MatchesImmediateChildrenOnly()
    {
        var result = await InstallTreeAsync("  - object: /opt/web\n    pattern: \"*.sh\"\n    mode: 755\n    type: [file]\n");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(InstallFixture.Mode("755"), ModeOf("/opt/web/run.sh"));
        Assert.Equal(InstallFixture.Mode("600"), ModeOf("/opt/web/readme.txt"));
        Assert.Equal(InstallFixture.Mode("600"), ModeOf("/opt/web/bin/deep.sh"));
    }

    [Fact]
    public async Task InstallAsync_DoubleStarPattern_MatchesEveryDescendant()
    {
        var result = await InstallTreeAsync("  - object: /opt/web\n    pattern: \"**\"\n    mode: 640\n    type: [file]\n");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.All(["/opt/web/run.sh", "/opt/web/readme.txt", "/opt/web/bin/deep.sh", "/opt/web/bin/lib/x.so"],
            p => Assert.Equal(InstallFixture.Mode("640"), ModeOf(p)));
    }

    [Fact]
    public async Task InstallAsync_Except_ExcludesMatchingChildren()
    {
        var result = await InstallTreeAsync("  - object: /opt/web\n    pattern: \"*\"\n    except: [readme.txt, \"b*\"]\n    mode: 444\n");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(InstallFixture.Mode("444"), ModeOf("/opt/web/run.sh"));
        Assert.Equal(InstallFixture.Mode("600"), ModeOf("/opt/web/readme.txt"));
        Assert.NotEqual(InstallFixture.Mode("444"), ModeOf("/opt/web/bin"));
    }

    [Fact]
    public async Task InstallAsync_FileObject_GetsItsEntry()
    {
        var result = await InstallTreeAsync("  - object: /opt/web/run.sh\n    mode: 700\n");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(InstallFixture.Mode("700"), ModeOf("/opt/web/run.sh"));
    }

    [Fact]
    public async Task InstallAsync_FileObjectWithPattern_FailsInvalidPermissionBeforeCopying()
    {
        var result = await InstallTreeAsync("  - object: /opt/web/run.sh\n    pattern: \"*.sh\"\n    mode: 700\n");

        Assert.Equal(InstallErrorCode.InvalidPermission, result.Error?.Code);
        Assert.False(Directory.Exists(_f.Host("/opt/web")));
    }

    [Fact]
    public async Task InstallAsync_TwoEntriesHitSamePath_FailsSpecifiedMoreThanOnce()
    {
        var result = await InstallTreeAsync(
            "  - object: /opt/web\n    pattern: \"*.sh\"\n    mode: 755\n"
            + "  - object: /opt/web\n    mode: 644\n    type: [file]\n");

        Assert.Equal(InstallErrorCode.PermissionSpecifiedTwice, result.Error?.Code);
        Assert.Equal(_f.Host("/opt/web/run.sh"), result.Error?.Path);
        Assert.Contains("specified more than once", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(result.Written);
    }

    [Fact]
    public async Task InstallAsync_PreExistingObjects_NeverTouched()
    {
        Directory.CreateDirectory(_f.Host("/opt/web"));
        File.WriteAllText(_f.Host("/opt/web/keep.txt"), "x");
        File.SetUnixFileMode(_f.Host("/opt/web/keep.txt"), InstallFixture.Mode("600"));
        File.SetUnixFileMode(_f.Host("/opt/web"), InstallFixture.Mode("700"));

        var result = await InstallTreeAsync("  - object: /opt\n    mode: 777\n");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(InstallFixture.Mode("600"), ModeOf("/opt/web/keep.txt"));
        Assert.Equal(InstallFixture.Mode("700"), ModeOf("/opt/web"));
        Assert.Equal(InstallFixture.Mode("777"), ModeOf("/opt/web/run.sh"));
    }

    [Fact]
    public async Task InstallAsync_OwnerAndGroup_ChownedByName()
    {
        EnsureUserAndGroup();

        var result = await InstallTreeAsync("  - object: /opt/web\n    owner: gl-install-u\n    group: gl-install-g\n    mode: 4750\n    type: [file]\n");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("gl-install-u:gl-install-g", InstallFixture.Run("stat", "-c", "%U:%G", _f.Host("/opt/web/run.sh")));
        Assert.Equal("root:root", InstallFixture.Run("stat", "-c", "%U:%G", _f.Host("/opt/web/bin")));
        Assert.Equal(InstallFixture.Mode("4750"), ModeOf("/opt/web/run.sh"));
    }

    [Fact]
    public async Task InstallAsync_UnknownOwner_FailsUnknownUserBeforeCopying()
    {
        var result = await InstallTreeAsync("  - object: /opt/web\n    owner: no-such-user-gl\n");

        Assert.Equal(InstallErrorCode.UnknownUser, result.Error?.Code);
        Assert.Contains("no-such-user-gl", result.Error!.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_f.Host("/opt/web")));
    }

    [Fact]
    public async Task InstallAsync_AclsWithoutSetfacl_FailsNamingToolAndPackage()
    {
        var noTools = _f.ToolDirectory();

        var result = await InstallTreeAsync("  - object: /opt/web\n    acls: [\"u:nobody:r\"]\n",
            new InstallerOptions { ToolDirectories = [noTools] });

        Assert.Equal(InstallErrorCode.ToolMissing, result.Error?.Code);
        Assert.Contains("'setfacl'", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("'acl' package", result.Error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_f.Host("/opt/web")));
    }

    [Fact]
    public async Task InstallAsync_AclsWithSetfacl_AppliedOnTopOfMode()
    {
        if (!File.Exists("/usr/bin/setfacl") || !File.Exists("/usr/bin/getfacl"))
        {
            return; // The branch without setfacl is covered above; this one needs the 'acl' package.
        }

        var result = await InstallTreeAsync("  - object: /opt/web\n    mode: 640\n    acls: [\"u:nobody:rw\", \"g:nogroup:r\"]\n    type: [file]\n"
            + "  - object: /opt/web\n    acls: [\"d:u:nobody:rx\"]\n    type: [directory]\n");

        Assert.True(result.Succeeded, result.Error?.Message);
        var acl = InstallFixture.Run("getfacl", "-c", _f.Host("/opt/web/run.sh"));
        Assert.Contains("user::rw-", acl, StringComparison.Ordinal);
        Assert.Contains("user:nobody:rw-", acl, StringComparison.Ordinal);
        Assert.Contains("group:nogroup:r--", acl, StringComparison.Ordinal);
        Assert.Contains("other::---", acl, StringComparison.Ordinal);
        Assert.Contains("default:user:nobody:r-x", InstallFixture.Run("getfacl", "-c", _f.Host("/opt/web/bin")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallAsync_DefaultAclOnFile_FailsInvalidAcl()
    {
        var result = await InstallTreeAsync("  - object: /opt/web/run.sh\n    acls: [\"d:u:nobody:r\"]\n");

        Assert.Equal(InstallErrorCode.InvalidAcl, result.Error?.Code);
    }

    [Fact]
    public async Task InstallAsync_ContextWithoutSemanage_FailsNamingTool()
    {
        var result = await InstallTreeAsync("  - object: /opt/web/run.sh\n    context:\n      type: httpd_sys_content_t\n",
            new InstallerOptions { ToolDirectories = [_f.ToolDirectory()] });

        Assert.Equal(InstallErrorCode.ToolMissing, result.Error?.Code);
        Assert.Contains("'semanage'", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallAsync_Context_RunsSemanageThenRestoreconAndRecordsRuleForCleanup()
    {
        var log = Path.Combine(_f.Scratch, "calls.log");
        var tools = _f.ToolDirectory(("semanage", $"echo \"semanage $*\" >> {log}"), ("restorecon", $"echo \"restorecon $*\" >> {log}"));

        var result = await InstallTreeAsync("  - object: /opt/web/run.sh\n    context:\n      type: httpd_sys_content_t\n      range: s0\n",
            new InstallerOptions { ToolDirectories = [tools] });

        Assert.True(result.Succeeded, result.Error?.Message);
        var run = _f.Host("/opt/web/run.sh");
        Assert.Equal([$"semanage fcontext -a -t httpd_sys_content_t -r s0 {run}", $"restorecon -v {run}"], File.ReadAllLines(log));
        Assert.Contains("semanage\0" + run, _f.CleanupLines());

        _f.Bundle("d-2", "version: 0.0\nos: linux\n");
        Assert.True((await _f.InstallAsync("d-2", options: new InstallerOptions { ToolDirectories = [tools] })).Succeeded);
        Assert.Equal($"semanage fcontext -d {run}", File.ReadAllLines(log)[^1]);
    }

    private static void EnsureUserAndGroup() =>
        InstallFixture.Run("/bin/sh", "-c",
            "getent group gl-install-g >/dev/null || groupadd --system gl-install-g || getent group gl-install-g >/dev/null; "
            + "id -u gl-install-u >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin gl-install-u || id -u gl-install-u >/dev/null");
}
