using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands.Revisions;

/// <summary><c>greenlight revision</c> against a real server: upload, list, get, register's refusal, and unknown revisions.</summary>
public sealed class RevisionCommandTests
{
    [Fact]
    public async Task Verbs_UploadListGet_WorkAgainstAServer()
    {
        await using var cli = await ServerCli.StartAsync();
        Assert.Equal(0, cli.Run("application", "create", "web").ExitCode);
        using var bundle = new TempDirectory("gl-rev");
        PushCommandTests.WriteBundle(bundle.Path);

        var uploaded = cli.Json("revision", "upload", "--app", "web", bundle.Path, "--description", "release 1.4");
        var sha = uploaded["revisionLocation"]!["bundle"]!["sha256"]!.GetValue<string>();
        var list = cli.Run("revision", "list", "--app", "web");
        var get = cli.Run("revision", "get", "--app", "web", sha);

        Assert.True(list.ExitCode == 0, list.Stderr);
        Assert.Matches($@"{sha}\s+zip\s+\d+\s+\S+ \S+\s+-\s+release 1.4", list.Stdout);
        Assert.True(get.ExitCode == 0, get.Stderr);
        Assert.Equal($"Revision       {sha}", get.Lines[0]);
        Assert.Contains("Description    release 1.4", get.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownRevision_ExitsOneNamingIt()
    {
        await using var cli = await ServerCli.StartAsync();
        Assert.Equal(0, cli.Run("application", "create", "web").ExitCode);
        var sha = new string('a', 64);

        var result = cli.Run("revision", "get", "--app", "web", sha);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: revision '{sha}' is not registered for application 'web' (RevisionDoesNotExistException)\n", result.Stderr);
    }

    [Fact]
    public async Task Register_AllowedHost_DownloadsChecksAndRegistersTheBundle()
    {
        await using var cli = await ServerCli.StartAsync(allowedRevisionHosts: ["127.0.0.1"]);
        Assert.Equal(0, cli.Run("application", "create", "web").ExitCode);
        using var bundle = new TempDirectory("gl-rev");
        PushCommandTests.WriteBundle(bundle.Path);
        var zip = Greenlight.Cli.Api.BundleZipper.Zip(bundle.Path);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(zip));
        await using var origin = LoopbackOrigin.Bytes(zip);

        var registered = cli.Run("revision", "register", "--app", "web", "--url", origin.Url + "site.zip", "--sha256", sha, "--description", "from the artifact store");
        var get = cli.Json("revision", "get", "--app", "web", sha);

        Assert.True(registered.ExitCode == 0, registered.Stderr);
        Assert.Equal($"Registered revision {sha} of application web\n", registered.Stdout);
        Assert.Equal("from the artifact store", get["revisionInfo"]!["genericRevisionInfo"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_HostNotAllowed_ExitsOneSayingHowToAllowIt()
    {
        await using var cli = await ServerCli.StartAsync();
        Assert.Equal(0, cli.Run("application", "create", "web").ExitCode);

        var result = cli.Run("revision", "register", "--app", "web", "--url", "http://127.0.0.1:9/site.zip", "--sha256", new string('b', 64));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--allow-revision-host 127.0.0.1", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("(RevisionHostNotAllowedException)", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "revision", "register", "--app", "web", "--url", "http://127.0.0.1:9/site.zip" }, "error: Option '--sha256' is required.")]
    [InlineData(new[] { "revision", "upload", "--app", "web", "/no/such/bundle.zip" }, "error: '/no/such/bundle.zip' does not exist")]
    [InlineData(new[] { "revision", "list" }, "error: Option '--app' is required.")]
    public async Task Usage_BadInput_ExitsTwo(string[] args, string expected)
    {
        await using var cli = await ServerCli.StartAsync();

        var result = cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Revision_NoSubcommand_ExitsTwoNamingTheSubcommands()
    {
        var result = CliRunner.Run("revision");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: a subcommand is required (greenlight revision list|get|upload|register; see --help)\n", result.Stderr);
    }
}
