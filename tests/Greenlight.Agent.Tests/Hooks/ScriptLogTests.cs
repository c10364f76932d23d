using Greenlight.Agent.Hooks;
using Greenlight.Testing;

namespace Greenlight.Agent.Tests.Hooks;

public sealed class ScriptLogTests
{
    [Fact]
    public void Write_PastMaxBytes_RotatesAndKeepsThreeOldFiles()
    {
        using var temp = new TempDirectory("gl-scriptlog");
        var log = new ScriptLog(temp.Path, maxBytes: 300, keep: 3);

        for (var i = 0; i < 40; i++)
        {
            log.Write("d-1", "AfterInstall", "scripts/a.sh", "stdout", $"line {i}");
        }

        Assert.True(File.Exists(log.FilePath));
        Assert.True(File.Exists(log.FilePath + ".3"));
        Assert.False(File.Exists(log.FilePath + ".4"));
        Assert.All(Directory.GetFiles(temp.Path), f => Assert.True(new FileInfo(f).Length <= 300, f));
        Assert.Contains("line 39", File.ReadAllText(log.FilePath), StringComparison.Ordinal);
    }
}

public sealed class ProcEntryTests
{
    [Fact]
    public void Parse_CommandNameWithSpacesAndParentheses_ReadsFieldsAfterTheLastParenthesis()
    {
        const string stat = "4242 (we ird) (name) S 17 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10";

        var entry = ProcEntry.Parse(4242, stat);

        Assert.Equal(new ProcEntry(4242, 17, 4242, 4242, 'S', 987654), entry);
    }
}
