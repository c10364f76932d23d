using Greenlight.Cli.Config;

namespace Greenlight.Cli.Tests.Config;

/// <summary>The config file: round trip, mode 0600, and a broken file named with its line and field.</summary>
public sealed class CliConfigFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("greenlight-config-").FullName;

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Load_MissingFile_IsEmpty()
    {
        var config = CliConfigFile.Load(PathOf("nope.yaml"), out var problem);

        Assert.Null(problem);
        Assert.Equal(CliConfig.Empty, config);
    }

    [Fact]
    public void Save_ThenLoad_RoundTripsInOrderWithMode0600()
    {
        var path = Path.Combine(_dir, "sub", "config.yaml");
        var config = CliConfig.Empty
            .With("zeta", new CliContext("http://127.0.0.1:7480", "/data/admin.token", null))
            .With("alpha", new CliContext("https://deploy.example.com", null, "s3cr3t: with colon"))
            with { CurrentContext = "zeta" };

        CliConfigFile.Save(path, config);
        var loaded = CliConfigFile.Load(path, out var problem);

        Assert.Null(problem);
        Assert.Equal("zeta", loaded!.CurrentContext);
        Assert.Equal(config.Contexts, loaded.Contexts);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.False(File.Exists(path + ".tmp"));
    }

    [Theory]
    [InlineData("contexts:\n  local:\n    server: http://x\n    tokenfile: /t\n", "config.yaml:4:5: contexts.local: unknown field 'tokenfile' (expected server, tokenFile, token)")]
    [InlineData("currentContext: local\ncontext:\n  local: {}\n", "config.yaml:2:1: unknown field 'context' (expected currentContext, contexts)")]
    [InlineData("contexts:\n  local:\n    server:\n      url: http://x\n", "config.yaml:4:7: contexts.local.server must be a single value")]
    [InlineData("contexts:\n  - local\n", "config.yaml:2:3: contexts must be a mapping of names to values")]
    [InlineData("contexts:\n  local: {server: http://x\n", "config.yaml:3:1: ")]
    public void Load_BrokenFile_NamesFileLineAndField(string text, string expected)
    {
        var path = PathOf("config.yaml");
        File.WriteAllText(path, text);

        var config = CliConfigFile.Load(path, out var problem);

        Assert.Null(config);
        Assert.StartsWith(Path.Combine(_dir, expected), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFile_IsEmpty()
    {
        File.WriteAllText(PathOf("empty.yaml"), "# nothing yet\n");

        Assert.Equal(CliConfig.Empty, CliConfigFile.Load(PathOf("empty.yaml"), out _));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
