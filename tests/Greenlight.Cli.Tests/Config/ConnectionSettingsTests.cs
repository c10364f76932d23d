using Greenlight.Cli.Config;

namespace Greenlight.Cli.Tests.Config;

/// <summary>Where a verb's server and token come from: flags, then --context, then the environment, then GREENLIGHT_CONTEXT or the current context.</summary>
public sealed class ConnectionSettingsTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public ConnectionSettingsTests()
    {
        File.WriteAllText(Path.Combine(_env.Directory, "b.token"), "token-b-file\n");
        File.WriteAllText(Path.Combine(_env.Directory, "flag.token"), "token-flag-file\n");
        CliConfigFile.Save(_env.ConfigPath, CliConfig.Empty
            .With("a", new CliContext("http://a.test:1", null, "token-a"))
            .With("b", new CliContext("http://b.test:2", Path.Combine(_env.Directory, "b.token"), null)) with { CurrentContext = "a" });
    }

    [Theory]
    [InlineData("", "", "http://a.test:1/", "token-a")]
    [InlineData("", "GREENLIGHT_SERVER=http://env.test:3 GREENLIGHT_TOKEN=token-env", "http://env.test:3/", "token-env")]
    [InlineData("", "GREENLIGHT_CONTEXT=b", "http://b.test:2/", "token-b-file")]
    [InlineData("", "GREENLIGHT_SERVER=http://a.test:1/api/", "http://a.test:1/api/", "token-a")]
    [InlineData("", "GREENLIGHT_CONTEXT=b GREENLIGHT_SERVER=http://B.test:2", "http://b.test:2/", "token-b-file")]
    [InlineData("--context b", "GREENLIGHT_SERVER=http://env.test:3 GREENLIGHT_TOKEN=token-env", "http://b.test:2/", "token-b-file")]
    [InlineData("--server http://flag.test:5", "GREENLIGHT_SERVER=http://env.test:3 GREENLIGHT_TOKEN=token-env", "http://flag.test:5/", "token-env")]
    [InlineData("--server http://flag.test:5 --token token-flag --context b", "GREENLIGHT_TOKEN=token-env", "http://flag.test:5/", "token-flag")]
    [InlineData("--token-file FLAGFILE", "GREENLIGHT_TOKEN=token-env", "http://a.test:1/", "token-flag-file")]
    public void Resolve_Sources_FlagsThenContextFlagThenEnvironmentThenContext(string flags, string variables, string server, string token)
    {
        SetVariables(variables);

        var settings = ConnectionSettings.Resolve(Flags(flags), _env.Cli, out var problem);

        Assert.Null(problem);
        Assert.Equal((server, token), (settings!.Server.ToString(), settings.Token));
    }

    [Theory]
    [InlineData("", "GREENLIGHT_URL=http://old.test:4", "context 'a'", "http://old.test:4 (GREENLIGHT_URL)")]
    [InlineData("", "GREENLIGHT_SERVER=http://env.test:3 GREENLIGHT_URL=http://old.test:4", "context 'a'", "http://env.test:3 (GREENLIGHT_SERVER)")]
    [InlineData("", "GREENLIGHT_CONTEXT=b GREENLIGHT_SERVER=http://env.test:3", "context 'b'", "http://env.test:3 (GREENLIGHT_SERVER)")]
    [InlineData("--server http://flag.test:5", "", "context 'a'", "http://flag.test:5 (--server)")]
    public void Resolve_ServerFromElsewhereAndTokenOnlyInAContext_RefusesToSendTheContextsToken(string flags, string variables, string context, string server)
    {
        SetVariables(variables);

        Assert.Null(ConnectionSettings.Resolve(Flags(flags), _env.Cli, out var problem));
        Assert.Contains(context, problem, StringComparison.Ordinal);
        Assert.Contains($"not {server}", problem, StringComparison.Ordinal);
        Assert.Contains("a context's token goes only to its own server", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NothingConfigured_NamesEveryWayToGiveTheServer()
    {
        using var empty = new TestEnvironment();

        Assert.Null(ConnectionSettings.Resolve(Flags(""), empty.Cli, out var problem));
        Assert.Equal("no server: pass --server URL, set GREENLIGHT_SERVER, or `greenlight context add NAME --server URL --token-file FILE`", problem);
    }

    [Fact]
    public void Resolve_ServerButNoToken_NamesEveryWayToGiveTheToken()
    {
        using var empty = new TestEnvironment();

        Assert.Null(ConnectionSettings.Resolve(Flags("--server http://x.test"), empty.Cli, out var problem));
        Assert.StartsWith("no token: pass --token-file FILE, set GREENLIGHT_TOKEN_FILE or GREENLIGHT_TOKEN, or `greenlight context add", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--context nope", "", "no context 'nope' (named by --context) in CONFIG; contexts: a, b (greenlight context list)")]
    [InlineData("", "GREENLIGHT_CONTEXT=nope", "no context 'nope' (named by GREENLIGHT_CONTEXT) in CONFIG; contexts: a, b (greenlight context list)")]
    [InlineData("--server ftp://x", "", "--server 'ftp://x' is not an http(s) URL")]
    [InlineData("", "GREENLIGHT_SERVER=nonsense", "GREENLIGHT_SERVER 'nonsense' is not an http(s) URL")]
    [InlineData("", "GREENLIGHT_TOKEN_FILE=/nonexistent/admin.token", "GREENLIGHT_TOKEN_FILE '/nonexistent/admin.token' does not exist")]
    public void Resolve_BadSource_NamesIt(string flags, string variables, string expected)
    {
        SetVariables(variables);

        Assert.Null(ConnectionSettings.Resolve(Flags(flags), _env.Cli, out var problem));
        Assert.StartsWith(expected.Replace("CONFIG", _env.ConfigPath, StringComparison.Ordinal), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_BrokenConfig_OnlyMattersWhenItIsNeeded()
    {
        File.WriteAllText(_env.ConfigPath, "contexts: [\n");

        var byFlags = ConnectionSettings.Resolve(Flags("--server http://x.test --token t"), _env.Cli, out var flagsProblem);
        var byContext = ConnectionSettings.Resolve(Flags("--server http://x.test"), _env.Cli, out var contextProblem);

        Assert.Null(flagsProblem);
        Assert.Equal("t", byFlags!.Token);
        Assert.Null(byContext);
        Assert.StartsWith(_env.ConfigPath + ":2:1: ", contextProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_XdgConfigHome_FindsGreenlightConfigYaml()
    {
        using var xdg = new TestEnvironment();
        var path = Path.Combine(xdg.Directory, "xdg", "greenlight", "config.yaml");
        CliConfigFile.Save(path, CliConfig.Empty.With("x", new CliContext("http://xdg.test", null, "token-x")) with { CurrentContext = "x" });
        xdg.Set("XDG_CONFIG_HOME", Path.Combine(xdg.Directory, "xdg"));

        Assert.Equal(path, xdg.Cli.ConfigPath);
        Assert.Equal("token-x", ConnectionSettings.Resolve(Flags(""), xdg.Cli, out _)!.Token);
    }

    private ConnectionFlags Flags(string text)
    {
        var words = text.Replace("FLAGFILE", Path.Combine(_env.Directory, "flag.token"), StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string? Value(string flag) => Array.IndexOf(words, flag) is >= 0 and var i ? words[i + 1] : null;
        return new ConnectionFlags(Value("--server"), Value("--token"), Value("--token-file"), Value("--context"));
    }

    public void Dispose() => _env.Dispose();

    /// <summary>Sets "NAME=VALUE NAME=VALUE" in the test's environment.</summary>
    private void SetVariables(string variables)
    {
        foreach (var pair in variables.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            _env.Set(pair.Split('=')[0], pair.Split('=')[1]);
        }
    }
}
