namespace Greenlight.Cli.Tests.Commands.Contexts;

/// <summary><c>greenlight context</c>: the config file's contexts, and verbs that use them against a real server.</summary>
public sealed class ContextCommandTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    [Fact]
    public void Context_AddUseListCurrentDelete_KeepsTheConfigFile()
    {
        var token = Path.Combine(_env.Directory, "admin.token");
        File.WriteAllText(token, "t\n");

        var first = _env.Run("context", "add", "local", "--server", "http://127.0.0.1:7480", "--token-file", token);
        var second = _env.Run("context", "add", "other", "--server", "http://127.0.0.1:7490", "--token-file", token);
        var currentBefore = _env.Run("context", "current");
        var use = _env.Run("context", "use", "other");
        var list = _env.Run("context", "list");
        var json = System.Text.Json.Nodes.JsonNode.Parse(_env.Run("context", "list", "-o", "json").Stdout)!;
        var deleted = _env.Run("context", "delete", "other");
        var currentAfter = _env.Run("context", "current");

        Assert.Equal((0, $"Added context local (http://127.0.0.1:7480) in {_env.ConfigPath}; current context: local\n"), (first.ExitCode, first.Stdout));
        Assert.Equal((0, $"Added context other (http://127.0.0.1:7490) in {_env.ConfigPath}; current context: local\n"), (second.ExitCode, second.Stdout));
        Assert.Equal((0, "local\n"), (currentBefore.ExitCode, currentBefore.Stdout));
        Assert.Equal((0, "Current context: other (http://127.0.0.1:7490)\n"), (use.ExitCode, use.Stdout));
        Assert.Equal(
            $"CURRENT  NAME   SERVER                 TOKEN\n-        local  http://127.0.0.1:7480  {token}\n*        other  http://127.0.0.1:7490  {token}\n",
            list.Stdout);
        Assert.Equal("other", json["currentContext"]!.GetValue<string>());
        Assert.Equal(2, json["contexts"]!.AsArray().Count);
        Assert.Equal(0, deleted.ExitCode);
        Assert.Equal(2, currentAfter.ExitCode);
        Assert.StartsWith($"error: no current context in {_env.ConfigPath} (contexts: local)", currentAfter.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ContextAdd_TokenStdin_KeepsTheTokenInAFileOnlyTheUserReads()
    {
        _env.Stdin = "s3cr3t\n";

        var added = _env.Run("context", "add", "prod", "--server", "https://deploy.example.com", "--token-stdin");
        var list = _env.Run("context", "list");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("token: s3cr3t", File.ReadAllText(_env.ConfigPath), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("(in the config file)", list.Stdout, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_env.ConfigPath));
        }
    }

    [Theory]
    [InlineData("context add x --server http://h --token-file /nonexistent/t", "error: --token-file '/nonexistent/t' does not exist")]
    [InlineData("context add x --server http://h", "error: give exactly one of --token-file FILE or --token-stdin")]
    [InlineData("context add bad/name --server http://h --token-stdin", "error: context name 'bad/name' must be letters, digits")]
    [InlineData("context add x --server h.example.com --token-stdin", "error: --server 'h.example.com' is not an http(s) URL")]
    [InlineData("context use nope", "error: no context 'nope' in CONFIG (contexts: none)")]
    [InlineData("context delete nope", "error: no context 'nope' in CONFIG (contexts: none)")]
    [InlineData("context", "error: a subcommand is required (greenlight context add|use|list|current|delete; see --help)")]
    public void Context_BadInput_ExitsTwoNamingTheProblem(string command, string expected)
    {
        _env.Stdin = "t";

        var result = _env.Run(command.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected.Replace("CONFIG", _env.ConfigPath, StringComparison.Ordinal), result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_env.ConfigPath));
    }

    [Fact]
    public void Context_BrokenConfigFile_NamesTheLineAndLeavesTheFile()
    {
        File.WriteAllText(_env.ConfigPath, "currentContext: a\ncontexts:\n  a:\n    sever: http://x\n");

        var result = _env.Run("context", "use", "a");
        var verb = _env.Run("application", "list");

        Assert.Equal((2, $"error: {_env.ConfigPath}:4:5: contexts.a: unknown field 'sever' (expected server, tokenFile, token) (fix or delete the file)\n"), (result.ExitCode, result.Stderr));
        Assert.Equal(2, verb.ExitCode);
        Assert.Contains("unknown field 'sever'", verb.Stderr, StringComparison.Ordinal);
        Assert.Contains("sever:", File.ReadAllText(_env.ConfigPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbs_CurrentContextOrEnvironment_ConnectWithoutFlags()
    {
        await using var cli = await ServerCli.StartAsync();
        var token = Path.Combine(cli.Server.DataDirectory, "admin.token");
        using var byEnvironment = new TestEnvironment();
        byEnvironment.Set("GREENLIGHT_SERVER", cli.Server.Host.Url).Set("GREENLIGHT_TOKEN_FILE", token);

        var none = _env.Run("application", "list");
        Assert.Equal(0, _env.Run("context", "add", "local", "--server", cli.Server.Host.Url, "--token-file", token).ExitCode);
        var created = _env.Run("application", "create", "web");
        var listed = byEnvironment.Run("application", "list", "-o", "json");

        Assert.Equal(2, none.ExitCode);
        Assert.StartsWith("error: no server: pass --server URL, set GREENLIGHT_SERVER, or `greenlight context add", none.Stderr, StringComparison.Ordinal);
        Assert.Equal((0, "Created application web\n"), (created.ExitCode, created.Stdout));
        Assert.Contains("\"web\"", listed.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _env.Dispose();
}
