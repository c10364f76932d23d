using Greenlight.Testing;

namespace Greenlight.Cli.Tests;

/// <summary>
/// Every <c>greenlight ...</c> command in a <c>```sh</c> block of docs/*.md (also written <c>$ greenlight ...</c>,
/// continued over lines with a trailing backslash) parses against the real command tree: the verb exists and every
/// option and argument is accepted. The commands are not run.
/// </summary>
public sealed class DocsExamplesTests
{
    private static readonly string[] ShellFences = ["```sh", "```bash", "```shell", "```console"];

    public static TheoryData<string> Examples() => [.. FindExamples().Select(e => $"{e.File}:{e.Line}: {e.Command}")];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parse_DocsExample_HasNoErrors(string example)
    {
        var command = example[(example.IndexOf(": ", StringComparison.Ordinal) + 2)..];
        var words = ShellWords.Split(command);

        var result = Program.BuildRoot().Parse([.. words.Skip(1)]);

        Assert.True(result.Errors.Count == 0, $"{example}\n  {string.Join("\n  ", result.Errors.Select(e => e.Message))}");
    }

    [Fact]
    public void Examples_Docs_AreFoundInShellBlocksOnly()
    {
        var examples = FindExamples().ToList();

        Assert.True(examples.Count >= 20, $"only {examples.Count} examples found in docs/*.md");
        Assert.Contains(examples, e => e.File == "fleet.md" && e.Command.StartsWith("greenlight asg create asg-web ", StringComparison.Ordinal));
        Assert.DoesNotContain(examples, e => e.Command.Contains("Uploaded revision", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("greenlight a 'b c' \"d \\\" e\" f\\ g", new[] { "greenlight", "a", "b c", "d \" e", "f g" })]
    [InlineData("greenlight deploy --watch   # follows it | not a pipe", new[] { "greenlight", "deploy", "--watch" })]
    [InlineData("greenlight asg instances web | head -n 4", new[] { "greenlight", "asg", "instances", "web" })]
    [InlineData("greenlight x --token $(cat /a b) --y=#1", new[] { "greenlight", "x", "--token", "$(cat /a b)", "--y=#1" })]
    public void Split_ShellLine_GivesTheWordsBashWould(string line, string[] expected) =>
        Assert.Equal(expected, ShellWords.Split(line));

    private static IEnumerable<(string File, int Line, string Command)> FindExamples()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(path);
            var inShell = false;
            var inOther = false;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    if (inShell || inOther)
                    {
                        inShell = inOther = false;
                    }
                    else
                    {
                        inShell = ShellFences.Contains(line, StringComparer.Ordinal);
                        inOther = !inShell;
                    }

                    continue;
                }

                var command = line.StartsWith("$ ", StringComparison.Ordinal) ? line[2..] : line;
                if (!inShell || !command.StartsWith("greenlight ", StringComparison.Ordinal))
                {
                    continue;
                }

                var start = i;
                while (command.EndsWith('\\') && i + 1 < lines.Length)
                {
                    command = command[..^1] + " " + lines[++i].Trim();
                }

                yield return (Path.GetFileName(path), start + 1, command);
            }
        }
    }
}
