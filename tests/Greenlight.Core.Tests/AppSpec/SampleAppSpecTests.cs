using Greenlight.Core.AppSpec;
using static Greenlight.Core.Tests.AppSpec.AppSpecAssert;

namespace Greenlight.Core.Tests.AppSpec;

/// <summary>Every file in samples/appspecs/{good,questionable,bad} gets its folder's verdict.</summary>
public sealed class SampleAppSpecTests
{
    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        var root = Path.Combine(RepoRoot(), "samples", "appspecs");
        foreach (var (folder, verdict) in new[] { ("good", Valid), ("questionable", Warns), ("bad", Invalid) })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder)).Order(StringComparer.Ordinal))
            {
                data.Add($"{folder}/{Path.GetFileName(file)}", verdict);
            }
        }

        return data;
    }

    [Fact]
    public void Samples_EachFolder_HasSeveralFiles()
    {
        var names = Samples().Select(row => (string)row[0]).ToList();
        Assert.All(new[] { "good/", "questionable/", "bad/" }, prefix => Assert.True(names.Count(n => n.StartsWith(prefix, StringComparison.Ordinal)) >= 5, prefix));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Parse_SampleFile_FolderVerdict(string sample, string verdict)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot(), "samples", "appspecs", sample));

        Assert.StartsWith("# Exercises:", text, StringComparison.Ordinal);
        Verdict(verdict, AppSpecParser.Parse(text).Diagnostics);
    }

    internal static string RepoRoot()
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
