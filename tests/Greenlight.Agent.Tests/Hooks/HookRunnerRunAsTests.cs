using System.Diagnostics;
using Greenlight.Agent.Hooks;

namespace Greenlight.Agent.Tests.Hooks;

public sealed class HookRunnerRunAsTests : IDisposable
{
    private const string User = "glhooktest";
    private readonly HookTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task RunEventAsync_RunAsAllowedUser_RunsAsThatUser()
    {
        EnsureUser();
        var script = _bed.Script("who.sh", "id -un\necho \"$GL_TEST_MARKER\"");
        // Temp directories are 0700; the user must be able to reach and read the script.
        foreach (var dir in new[] { _bed.TempPath, _bed.BundleRoot, Path.GetDirectoryName(script)! })
        {
            File.SetUnixFileMode(dir, (UnixFileMode)Convert.ToInt32("755", 8));
        }

        var request = _bed.Request(new HookScript(script, RunAs: User)) with { AllowedRunAsUsers = new HashSet<string> { User } };

        var result = await _bed.RunAsync(request);

        Assert.True(result.Succeeded, result.Message + "\n" + result.LogTail);
        Assert.Equal([User, _bed.Marker], _bed.Sink.Lines.Select(l => l.Line));
    }

    [Fact]
    public async Task RunEventAsync_RunAsFails_MessageNamesTheUser()
    {
        EnsureUser();
        var script = _bed.Script("who.sh", "exit 4");
        foreach (var dir in new[] { _bed.TempPath, _bed.BundleRoot, Path.GetDirectoryName(script)! })
        {
            File.SetUnixFileMode(dir, (UnixFileMode)Convert.ToInt32("755", 8));
        }

        var result = await _bed.RunAsync(_bed.Request(new HookScript(script, RunAs: User)));

        Assert.Equal(HookErrorCode.ScriptFailed, result.Code);
        Assert.Equal($"Script at specified location: scripts/who.sh run as user {User} failed with exit code 4", result.Message);
    }

    private static void EnsureUser()
    {
        using var check = Process.Start(new ProcessStartInfo("id", ["-u", User]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        check.WaitForExit();
        if (check.ExitCode == 0)
        {
            return;
        }

        using var add = Process.Start(new ProcessStartInfo("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", User]) { RedirectStandardError = true })!;
        add.WaitForExit();
        // Another test may have created it at the same moment (exit code 9: already exists).
        Assert.True(add.ExitCode is 0 or 9, add.StandardError.ReadToEnd());
    }
}
