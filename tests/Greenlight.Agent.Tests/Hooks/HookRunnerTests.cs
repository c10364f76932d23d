using Greenlight.Agent.Hooks;

namespace Greenlight.Agent.Tests.Hooks;

public sealed class HookRunnerTests : IDisposable
{
    private readonly HookTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task RunEventAsync_ScriptPrintsLines_StreamsEveryLineWithIncreasingSequence()
    {
        var script = _bed.Script("ok.sh", "echo one\necho two\necho oops >&2\nprintf 'three'");
        var request = _bed.Request(new HookScript(script)) with { FirstSequence = 41 };

        var result = await _bed.RunAsync(request);

        Assert.Equal(HookErrorCode.Success, result.Code);
        var lines = _bed.Sink.Lines;
        Assert.Equal(["one", "two", "three"], lines.Where(l => l.Stream == "stdout").Select(l => l.Line));
        Assert.Equal(["oops"], lines.Where(l => l.Stream == "stderr").Select(l => l.Line));
        Assert.Equal([41L, 42, 43, 44], lines.Select(l => l.Sequence));
        Assert.Equal(44, result.LastSequence);
        Assert.Contains("[scripts/ok.sh] [stdout] two", _bed.LogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunEventAsync_LineWithoutNewlineLongerThanMax_CutIntoBoundedLines()
    {
        var script = _bed.Script("long.sh", "head -c 40000 /dev/zero | tr '\\0' a\nprintf 'crlf\\r\\n'");

        var result = await _bed.RunAsync(_bed.Request(new HookScript(script)));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal([16384, 16384, 7232 + 4], _bed.Sink.Lines.Select(l => l.Line.Length));
        Assert.EndsWith("aaacrlf", _bed.Sink.Lines[^1].Line, StringComparison.Ordinal);
        Assert.True(result.LogTail.Length <= 4096);
    }

    [Fact]
    public async Task RunEventAsync_EnvironmentAndWorkingDirectory_VisibleToScriptButValuesNotLogged()
    {
        var script = _bed.Script("env.sh", "echo \"$DEPLOYMENT_ID/$LIFECYCLE_EVENT\"\npwd\n[ -n \"$SECRET_TOKEN\" ] && echo has-secret");
        var request = _bed.Request(new HookScript(script)) with
        {
            Environment = new Dictionary<string, string>
            {
                ["DEPLOYMENT_ID"] = "d-ENV000001",
                ["LIFECYCLE_EVENT"] = "AfterInstall",
                ["SECRET_TOKEN"] = "canary-5ecret-value",
            },
            WorkingDirectory = _bed.BundleRoot,
        };

        var result = await _bed.RunAsync(request);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(["d-ENV000001/AfterInstall", _bed.BundleRoot, "has-secret"], _bed.Sink.Lines.Select(l => l.Line));
        Assert.DoesNotContain("canary-5ecret-value", _bed.LogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunEventAsync_DefaultWorkingDirectory_IsRoot()
    {
        var result = await _bed.RunAsync(_bed.Request(new HookScript(_bed.Script("pwd.sh", "pwd"))));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("/", Assert.Single(_bed.Sink.Lines).Line);
    }

    [Fact]
    public async Task RunEventAsync_NonZeroExit_FailsWithCodeDeployMessageAndTail()
    {
        var script = _bed.Script("fail.sh", "echo starting\necho 'boom happened' >&2\nexit 3");

        var result = await _bed.RunAsync(_bed.Request(new HookScript(script)));

        Assert.Equal(HookErrorCode.ScriptFailed, result.Code);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("scripts/fail.sh", result.ScriptLocation);
        Assert.Equal($"Script at specified location: scripts/fail.sh run as user {Environment.UserName} failed with exit code 3", result.Message);
        Assert.Contains("[stderr] boom happened", result.LogTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunEventAsync_NotExecutableScript_RunsThroughBash()
    {
        var script = _bed.Script("plain.sh", "echo ran");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = await _bed.RunAsync(_bed.Request(new HookScript(script)));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("ran", Assert.Single(_bed.Sink.Lines).Line);
    }

    [Fact]
    public async Task RunEventAsync_MissingScript_ReportsScriptMissing()
    {
        var missing = Path.Combine(_bed.BundleRoot, "scripts", "nope.sh");

        var result = await _bed.RunAsync(_bed.Request(new HookScript(missing)));

        Assert.Equal(HookErrorCode.ScriptMissing, result.Code);
        Assert.Equal($"Script does not exist at specified location: {missing}", result.Message);
    }

    [Fact]
    public async Task RunEventAsync_ScriptIsDirectory_ReportsScriptMissing()
    {
        var dir = Path.Combine(_bed.BundleRoot, "scripts", "adir");
        Directory.CreateDirectory(dir);

        var result = await _bed.RunAsync(_bed.Request(new HookScript(dir)));

        Assert.Equal(HookErrorCode.ScriptMissing, result.Code);
        Assert.Contains("not a regular file", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunEventAsync_SymlinkOutsideBundle_RefusedAndNotRun()
    {
        var outside = Path.Combine(_bed.TempPath, "outside.sh");
        File.WriteAllText(outside, $"touch {_bed.TempPath}/ran\n");
        Directory.CreateDirectory(Path.Combine(_bed.BundleRoot, "scripts"));
        var link = Path.Combine(_bed.BundleRoot, "scripts", "link.sh");
        File.CreateSymbolicLink(link, outside);

        var result = await _bed.RunAsync(_bed.Request(new HookScript(link)));

        Assert.Equal(HookErrorCode.ScriptMissing, result.Code);
        Assert.Contains("outside the bundle root", result.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_bed.TempPath, "ran")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(int.MaxValue)]
    public async Task RunEventAsync_TimeoutOutOfRange_RefusedWithoutRunning(int timeout)
    {
        var script = _bed.Script("never.sh", $"touch {_bed.TempPath}/ran");

        var result = await _bed.RunAsync(_bed.Request(new HookScript(script, TimeoutSeconds: timeout)));

        Assert.Equal(HookErrorCode.UnknownError, result.Code);
        Assert.Contains("invalid timeout", result.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_bed.TempPath, "ran")));
    }

    [Fact]
    public async Task RunEventAsync_WorkingDirectoryMissing_UnknownErrorNotAThrow()
    {
        var script = _bed.Script("ok.sh", "echo hi");
        var request = _bed.Request(new HookScript(script)) with { WorkingDirectory = Path.Combine(_bed.TempPath, "no-such-dir") };

        var result = await _bed.RunAsync(request);

        Assert.Equal(HookErrorCode.UnknownError, result.Code);
        Assert.Contains("could not be started", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunEventAsync_FirstScriptFails_SecondDoesNotRun()
    {
        var first = _bed.Script("first.sh", "exit 1");
        var second = _bed.Script("second.sh", $"touch {_bed.TempPath}/second-ran");

        var result = await _bed.RunAsync(_bed.Request(new HookScript(first), new HookScript(second)));

        Assert.Equal(HookErrorCode.ScriptFailed, result.Code);
        Assert.Equal("scripts/first.sh", result.ScriptLocation);
        Assert.False(File.Exists(Path.Combine(_bed.TempPath, "second-ran")));
    }

    [Fact]
    public async Task RunEventAsync_TwoScripts_RunInOrderWithOneSequence()
    {
        var first = _bed.Script("a.sh", "echo a");
        var second = _bed.Script("b.sh", "echo b");

        var result = await _bed.RunAsync(_bed.Request(new HookScript(first), new HookScript(second)));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal([(1L, "stdout", "a"), (2L, "stdout", "b")], _bed.Sink.Lines);
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("1ABC")]
    [InlineData("A-B")]
    [InlineData("A B")]
    [InlineData("ABC\n")]
    [InlineData("")]
    [InlineData(HookRunner.RunMarkerVariable)]
    public async Task RunEventAsync_InvalidEnvironmentName_RefusedBeforeAnyScript(string name)
    {
        var script = _bed.Script("never.sh", $"touch {_bed.TempPath}/ran");
        var request = _bed.Request(new HookScript(script)) with { Environment = new Dictionary<string, string> { [name] = "x" } };

        var result = await _bed.RunAsync(request);

        Assert.Equal(HookErrorCode.UnknownError, result.Code);
        Assert.Contains(name, result.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_bed.TempPath, "ran")));
    }

    [Fact]
    public async Task RunEventAsync_RunAsUserNotOnAllowList_RefusedNamingTheUser()
    {
        var script = _bed.Script("who.sh", $"touch {_bed.TempPath}/ran");
        var request = _bed.Request(new HookScript(script, RunAs: "glhooktest")) with { AllowedRunAsUsers = new HashSet<string> { "deploy" } };

        var result = await _bed.RunAsync(request);

        Assert.Equal(HookErrorCode.ScriptFailed, result.Code);
        Assert.Contains("glhooktest", result.Message, StringComparison.Ordinal);
        Assert.Contains("allow-list", result.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_bed.TempPath, "ran")));
    }

    [Theory]
    [InlineData("Root")]
    [InlineData("a;rm -rf /")]
    [InlineData("-u")]
    public async Task RunEventAsync_RunAsNotAPlainUserName_Refused(string user)
    {
        var script = _bed.Script("who.sh", "id -un");

        var result = await _bed.RunAsync(_bed.Request(new HookScript(script, RunAs: user)));

        Assert.Equal(HookErrorCode.ScriptFailed, result.Code);
        Assert.Contains("not a plain user name", result.Message, StringComparison.Ordinal);
        Assert.Empty(_bed.Sink.Lines);
    }
}
