using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands.Declarative;

/// <summary>The sample file of docs/declarative.md, and edited copies of it in a temp directory.</summary>
internal sealed class DeclarativeFiles : IDisposable
{
    private readonly TempDirectory _dir = new("gl-declarative");

    /// <summary>samples/declarative/web.yaml: the full example the docs show.</summary>
    public static string Sample { get; } = Path.Combine(RepositoryRoot.Path, "samples", "declarative", "web.yaml");

    public string Directory => _dir.Path;

    public string Combine(string name) => _dir.Combine(name);

    /// <summary>Writes <paramref name="text"/> to NAME in the temp directory and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = _dir.Combine(name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A copy of the sample with each (old, new) text replaced; fails when an old text is not in it.</summary>
    public string Edited(string name, params (string Old, string New)[] edits)
    {
        var text = File.ReadAllText(Sample);
        foreach (var (old, replacement) in edits)
        {
            Assert.Contains(old, text, StringComparison.Ordinal);
            text = text.Replace(old, replacement, StringComparison.Ordinal);
        }

        return Write(name, text);
    }

    public void Dispose() => _dir.Dispose();
}
