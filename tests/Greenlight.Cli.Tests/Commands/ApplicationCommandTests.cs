namespace Greenlight.Cli.Tests.Commands;

/// <summary><c>greenlight application</c> against a real server.</summary>
public sealed class ApplicationCommandTests
{
    [Fact]
    public async Task Application_CreateListGetDelete_RoundTrips()
    {
        await using var cli = await ServerCli.StartAsync();

        var created = cli.Run("application", "create", "web");
        var list = cli.Run("application", "list");
        var get = cli.Run("application", "get", "web");
        var json = cli.Json("application", "get", "web");
        var deleted = cli.Run("application", "delete", "web");
        var listed = cli.Json("application", "list");

        Assert.Equal((0, "Created application web\n"), (created.ExitCode, created.Stdout));
        Assert.StartsWith("NAME  CREATED", list.Lines[0], StringComparison.Ordinal);
        Assert.StartsWith("web   20", list.Lines[1], StringComparison.Ordinal);
        Assert.Equal("Application    web", get.Lines[0]);
        Assert.Contains(get.Lines, l => l == "Platform       Server");
        Assert.Equal("web", json["application"]!["applicationName"]!.GetValue<string>());
        Assert.Equal((0, "Deleted application web\n"), (deleted.ExitCode, deleted.Stdout));
        Assert.Empty(listed["applications"]!.AsArray());
    }

    [Fact]
    public async Task Application_CreateTwiceOrBadName_ExitsOneWithTheServersMessageAndCode()
    {
        await using var cli = await ServerCli.StartAsync();
        cli.Run("application", "create", "web");

        var again = cli.Run("application", "create", "web");
        var bad = cli.Run("application", "create", "has space");
        var missing = cli.Run("application", "get", "nope");

        Assert.Equal((1, "error: application 'web' already exists (ApplicationAlreadyExistsException)\n"), (again.ExitCode, again.Stderr));
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith("error: applicationName 'has space' is invalid", bad.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("(InvalidApplicationNameException)\n", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal("error: application 'nope' does not exist (ApplicationDoesNotExistException)\n", missing.Stderr);
        Assert.Empty(again.Stdout + bad.Stdout + missing.Stdout);
    }

    [Theory]
    [InlineData(new[] { "application", "create" }, "error: Required argument missing for command: 'create'.")]
    [InlineData(new[] { "application", "create", "web", "extra" }, "error: unexpected argument 'extra'")]
    [InlineData(new[] { "application", "list", "--output", "xml" }, "error: --output 'xml' must be table, json or yaml")]
    [InlineData(new[] { "application", "list", "--server", "ftp://x" }, "error: --server 'ftp://x' is not an http(s) URL")]
    [InlineData(new[] { "application" }, "error: a subcommand is required (greenlight application create|list|get|delete; see --help)")]
    [InlineData(new[] { "application", "frob" }, "error: unexpected argument 'frob' (greenlight application create|list|get|delete; see --help)")]
    public void Application_BadCommandLine_IsOneLineAndExitTwo(string[] args, string expected)
    {
        var result = CliRunner.Run(args);

        Assert.Equal((2, expected), (result.ExitCode, result.Stderr.TrimEnd()));
    }
}
