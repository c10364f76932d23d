using System.CommandLine;

namespace Greenlight.Cli.Tests;

/// <summary>
/// Every command in the tree has help with examples; docs/cli.md names every command, and the docs (cli.md, or
/// server.md and agent.md, which cli.md links for those two verbs) name every option.
/// </summary>
public sealed class CommandTreeTests
{
    /// <summary>Options every API verb has, documented once in "Talking to a server" and "Output".</summary>
    private static readonly string[] SharedOptions = ["--help", "--output", "--server", "--token", "--token-file", "--context"];

    public static TheoryData<string> Commands() => [.. Walk(Program.BuildRoot(), []).Select(p => string.Join(' ', p))];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_EveryCommand_ExitsZeroWithADescriptionAndExamples(string path)
    {
        var result = CliRunner.Run([.. path.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Description:\n", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Examples:\n\s+greenlight " + System.Text.RegularExpressions.Regex.Escape(path) + @"\b", result.Stdout);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Docs_EveryCommand_IsDocumentedWithItsOptions(string path)
    {
        var cli = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "cli.md"));
        var docs = cli + string.Concat(new[] { "server.md", "agent.md" }.Select(f => File.ReadAllText(Path.Combine(RepoRoot(), "docs", f))));
        var command = Find(Program.BuildRoot(), path.Split(' '));

        Assert.True(cli.Contains("greenlight " + path, StringComparison.Ordinal), $"docs/cli.md does not mention `greenlight {path}`");
        var missing = command.Options.Select(o => o.Name).Where(o => !SharedOptions.Contains(o) && !docs.Contains(o, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"the docs do not mention {string.Join(", ", missing)} of `greenlight {path}`");
    }

    /// <summary>
    /// An option shared by many commands remembers each of them, and across builds of the tree (every in-process run)
    /// it went on growing: the CLI's tests slowed from half a minute to ten. Each option belongs to one command.
    /// </summary>
    [Fact]
    public void BuildRoot_TwoTrees_EveryOptionBelongsToOneCommand()
    {
        Program.BuildRoot();
        var root = Program.BuildRoot();

        var shared = Walk(root, []).Select(p => Find(root, p)).SelectMany(c => c.Options.Select(o => (Command: c, Option: o)))
            .Where(x => x.Option.Parents.Count() != 1)
            .Select(x => $"{x.Command.Name} {x.Option.Name} ({x.Option.Parents.Count()} parents)")
            .Distinct().ToList();

        Assert.True(shared.Count == 0, "options shared by several commands: " + string.Join(", ", shared.Take(10)));
    }

    private static IEnumerable<string[]> Walk(Command command, string[] path)
    {
        foreach (var sub in command.Subcommands)
        {
            string[] subPath = [.. path, sub.Name];
            yield return subPath;
            foreach (var deeper in Walk(sub, subPath))
            {
                yield return deeper;
            }
        }
    }

    private static Command Find(Command root, string[] path) =>
        path.Aggregate(root, (command, name) => command.Subcommands.Single(c => c.Name == name));

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Greenlight.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Greenlight.slnx not found above " + AppContext.BaseDirectory);
    }
}
