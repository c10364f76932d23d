using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Output;

/// <summary><c>-o yaml</c> of real verbs carries the same data as their <c>-o json</c>.</summary>
public sealed class StructuredOutputTests
{
    [Theory]
    [InlineData("plan --instances 5 --config CodeDeployDefault.HalfAtATime --fail 2")]
    [InlineData("plan --instances 4 --blue-green --traffic canary:10:5m")]
    [InlineData("validate samples/appspecs/bad/wrong-version.yml")]
    [InlineData("validate samples/appspecs/good/typical-linux.yml")]
    public void Yaml_LocalVerbs_ReadsBackAsTheJson(string command)
    {
        var args = command.Split(' ').Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? Path.Combine(RepositoryRoot.Path, a) : a).ToArray();

        var json = CliRunner.Run([.. args, "-o", "json"]);
        var yaml = CliRunner.Run([.. args, "-o", "yaml"]);

        Assert.Equal(json.ExitCode, yaml.ExitCode);
        YamlTree.AssertSame(json.Stdout, yaml.Stdout);
    }

    [Fact]
    public async Task Yaml_ServerVerbs_ReadsBackAsTheJson()
    {
        await using var cli = await ServerCli.StartAsync();
        Assert.Equal(0, cli.Run("application", "create", "web").ExitCode);

        foreach (var command in new[] { "application list", "application get web", "config list", "config get CodeDeployDefault.OneAtATime", "deployment list", "instance list", "status", "token list", "revision list --app web" })
        {
            var json = cli.Run([.. command.Split(' '), "-o", "json"]);
            var yaml = cli.Run([.. command.Split(' '), "-o", "yaml"]);

            Assert.True(json.ExitCode == 0 && yaml.ExitCode == 0, command + json.Stderr + yaml.Stderr);
            YamlTree.AssertSame(json.Stdout, yaml.Stdout);
        }
    }

    [Fact]
    public async Task Yaml_Diff_ReadsBackAsTheJsonWithTheSameVerdict()
    {
        await using var cli = await ServerCli.StartAsync();
        var file = Path.Combine(RepositoryRoot.Path, "samples", "declarative", "web.yaml");

        var json = cli.Run("diff", "-f", file, "-o", "json");
        var yaml = cli.Run("diff", "-f", file, "-o", "yaml");

        Assert.True(json.ExitCode == 1, json.Stdout + json.Stderr);
        Assert.Equal(1, yaml.ExitCode);
        YamlTree.AssertSame(json.Stdout, yaml.Stdout);
    }

    [Fact]
    public void Output_UnknownFormat_ExitsTwoNamingTheChoices()
    {
        var result = CliRunner.Run("plan", "--instances", "3", "-o", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("must be table, json or yaml", result.Stderr, StringComparison.Ordinal);
    }
}
