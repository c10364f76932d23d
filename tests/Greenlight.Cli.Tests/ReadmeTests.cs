using System.Text.RegularExpressions;
using Greenlight.Testing;

namespace Greenlight.Cli.Tests;

/// <summary>
/// README.md's set-up: exactly two <c>```sh</c> blocks (the demo, then every test), each one command naming an
/// executable script of the repository. eng/readme-first-command.sh runs the first one from a clean clone in CI.
/// </summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void Readme_SetUp_HasTwoShellBlocksEachNamingAnExecutableScript()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).ReplaceLineEndings("\n");

        var blocks = ShellBlock().Matches(readme).Select(m => m.Groups["body"].Value.Trim()).ToList();

        Assert.Equal(["./eng/demo.sh", "./eng/test.sh"], blocks);
        foreach (var script in blocks.Select(b => b.Split(' ')[0]))
        {
            var path = Path.Combine(RepositoryRoot.Path, script);
            Assert.True(File.Exists(path), $"README names {script}, which does not exist");
            Assert.True((File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0, $"{script} is not executable");
        }
    }

    [GeneratedRegex(@"^```sh\n(?<body>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
