using System.Diagnostics;

namespace Greenlight.Cli.Tests.Commands;

/// <summary>Shell completion: the CLI answers <c>[suggest:N]</c>, and the scripts ask it.</summary>
public sealed class CompletionCommandTests
{
    [Theory]
    [InlineData("greenlight as", "asg")]
    [InlineData("greenlight asg sc", "scale")]
    [InlineData("greenlight con", "context")]
    [InlineData("greenlight context u", "use")]
    [InlineData("greenlight asg scale --wa", "--wait")]
    [InlineData("greenlight application list -o ya", "yaml")]
    [InlineData("greenlight completion f", "fish")]
    public void Suggest_PartialCommandLine_OffersTheCompletion(string line, string expected)
    {
        var result = CliRunner.Run($"[suggest:{line.Length}]", line);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Lines);
    }

    [Theory]
    [InlineData("bash", "complete -F _greenlight_complete")]
    [InlineData("zsh", "compdef _greenlight greenlight")]
    [InlineData("fish", "complete -c greenlight -f -a '(__greenlight_complete)'")]
    public void Completion_Shell_PrintsAScriptThatAsksTheCli(string shell, string expected)
    {
        var result = CliRunner.Run("completion", shell);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[suggest:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_UnknownShell_ExitsTwo()
    {
        var result = CliRunner.Run("completion", "tcsh");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("greenlight completion bash|zsh|fish", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_BashScript_CompletesThroughTheRealCli()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var dir = Directory.CreateTempSubdirectory("greenlight-completion-").FullName;
        try
        {
            var wrapper = Path.Combine(dir, "greenlight");
            await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "greenlight.dll")}' \"$@\"\n");
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var script = Path.Combine(dir, "completion.bash");
            await File.WriteAllTextAsync(script, CliRunner.Run("completion", "bash").Stdout);
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[]
                     {
                         "-c",
                         $"source '{script}'; COMP_WORDS=('{wrapper}' asg sc); COMP_CWORD=2; COMP_LINE=\"${{COMP_WORDS[*]}}\"; COMP_POINT=${{#COMP_LINE}}; " +
                         "_greenlight_complete; printf '%s\\n' \"${COMPREPLY[@]}\"; complete -p greenlight",
                     })
            {
                start.ArgumentList.Add(arg);
            }

            using var bash = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var stdout = bash.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = bash.StandardError.ReadToEndAsync(timeout.Token);
            await bash.WaitForExitAsync(timeout.Token);

            Assert.True(bash.ExitCode == 0, await stderr);
            Assert.Equal("scale\ncomplete -o default -F _greenlight_complete greenlight\n", await stdout);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
