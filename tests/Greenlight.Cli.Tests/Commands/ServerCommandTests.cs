using Greenlight.Cli.Commands;

namespace Greenlight.Cli.Tests.Commands;

/// <summary><c>greenlight server</c>: bad options are one line on stderr and exit 2, never a stack trace.</summary>
public sealed class ServerCommandTests
{
    [Fact]
    public void Server_Help_DocumentsEveryOption()
    {
        var result = CliRunner.Run("server", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--data", "--listen", "--database", "--max-bundle-size", "--allow-revision-host", "--test-profile", "Exit codes" })
        {
            Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "server" }, "--data DIR is required")]
    [InlineData(new[] { "server", "--data", "/tmp/gl-x", "--listen", "nowhere" }, "--listen 'nowhere' is not ADDRESS:PORT")]
    [InlineData(new[] { "server", "--data", "/tmp/gl-x", "--max-bundle-size", "lots" }, "--max-bundle-size 'lots' is not a size")]
    [InlineData(new[] { "server", "--data", "/tmp/gl-x", "--database", "mysql://x" }, "mysql")]
    [InlineData(new[] { "server", "--data", "/tmp/gl-x", "--bogus" }, "unexpected argument '--bogus'")]
    public void Server_BadOption_IsOneLineAndExitTwo(string[] args, string expected)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("greenlight server: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Server_UnreachableDatabase_IsOneLineAndExitTwo()
    {
        var data = Directory.CreateTempSubdirectory("gl-cli").FullName;
        try
        {
            var result = CliRunner.Run("server", "--data", data, "--listen", "127.0.0.1:0", "--database", "postgres://nobody@127.0.0.1:1/none?connect_timeout=2");

            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("greenlight server: cannot start: ", result.Stderr, StringComparison.Ordinal);
            Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Theory]
    [InlineData("1024", 1024L)]
    [InlineData("500MiB", 500L << 20)]
    [InlineData("1GiB", 1L << 30)]
    [InlineData("64KiB", 64L << 10)]
    public void TryParseSize_Units_Converts(string text, long bytes)
    {
        Assert.True(ServerCommand.TryParseSize(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }
}
