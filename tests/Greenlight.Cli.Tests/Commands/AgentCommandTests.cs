using Greenlight.Cli.Commands;

namespace Greenlight.Cli.Tests.Commands;

/// <summary><c>greenlight agent</c>: bad options are one line on stderr and exit 2.</summary>
public sealed class AgentCommandTests
{
    [Fact]
    public void Agent_Help_DocumentsTheOptionsAndExitCodes()
    {
        var result = CliRunner.Run("agent", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--server", "--token", "GREENLIGHT_ENROLLMENT_TOKEN", "--tags", "--root", "--instance-root", "--runas-allow", "Exit codes" })
        {
            Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "agent" }, "--server '' must be the server's http(s) URL")]
    [InlineData(new[] { "agent", "--server", "ftp://x" }, "--server 'ftp://x' must be the server's http(s) URL")]
    [InlineData(new[] { "agent", "--server", "http://127.0.0.1:1", "--tags", "role" }, "--tags 'role' must be KEY=VALUE pairs")]
    [InlineData(new[] { "agent", "--server", "http://127.0.0.1:1", "--poll-wait", "5m" }, "--poll-wait '5m' must be a duration up to 60s")]
    [InlineData(new[] { "agent", "--server", "http://127.0.0.1:1", "extra" }, "unexpected argument 'extra'")]
    public void Agent_BadOption_IsOneLineAndExitTwo(string[] args, string expected)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("greenlight agent: " + expected, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("role=web", 1)]
    [InlineData("role=web, env=prod", 2)]
    [InlineData("path=a=b", 1)]
    public void TryParseTags_Pairs_Parses(string text, int count)
    {
        Assert.True(AgentCommand.TryParseTags(text, out var tags));
        Assert.Equal(count, tags.Count);
    }
}
