using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands;

/// <summary><c>greenlight validate</c> run in-process on sample files, directories and archives.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private const string GoodAppSpec =
        "version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: /opt/web\nhooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n";

    private readonly string _temp = Directory.CreateTempSubdirectory("greenlight-validate-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("samples/appspecs/good/typical-linux.yml", 0, "valid (0 errors, 0 warnings)")]
    [InlineData("samples/appspecs/questionable/unquoted-octal-mode.yml", 0, "warning ModeReadAsOctalByCodeDeploy")]
    [InlineData("samples/appspecs/bad/wrong-version.yml", 1, "wrong-version.yml:2:10: error InvalidVersion:")]
    [InlineData("samples/appspecs/bad/runas-no-space.yml", 1, "runas-no-space.yml:7:7: error YamlSyntax:")]
    public void Validate_SampleInRepo_ExitCodeAndOutput(string relative, int exit, string expected)
    {
        var (code, stdout, stderr) = Run("validate", Path.Combine(RepoRoot(), relative));

        Assert.Equal(exit, code);
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
        Assert.Equal("", stderr);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    [InlineData("broken")]
    [InlineData("v3-5xx")]
    public void Validate_SampleBundleStrict_ValidWithoutWarnings(string bundle)
    {
        var (code, stdout, stderr) = Run("validate", SampleApp.Bundle(bundle), "--strict");

        Assert.Equal(0, code);
        Assert.Contains($"{bundle}/appspec.yml: valid (0 errors, 0 warnings)", stdout, StringComparison.Ordinal);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Validate_QuestionableWithStrict_Fails()
    {
        var (code, stdout, _) = Run("validate", Path.Combine(RepoRoot(), "samples/appspecs/questionable/overwrite-key.yml"), "--strict");

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("error IgnoredKey:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingPath_UsageErrorWithoutStackTrace()
    {
        var (code, stdout, stderr) = Run("validate", Path.Combine(_temp, "nope.yml"));

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Equal("", stdout);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CorruptZip_UsageError()
    {
        var zip = Path.Combine(_temp, "broken.zip");
        File.WriteAllText(zip, "not a zip");

        var (code, _, stderr) = Run("validate", zip);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("broken.zip", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BundleDirectoryMissingScript_ScriptMissing()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_temp, "bundle")).FullName;
        File.WriteAllText(Path.Combine(dir, "appspec.yml"), GoodAppSpec);
        Directory.CreateDirectory(Path.Combine(dir, "app"));

        var (code, stdout, _) = Run("validate", dir);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("bundle/appspec.yml:8:17: error ScriptMissing:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZipWithTopLevelFolder_LabelsInsideArchive()
    {
        var zip = Path.Combine(_temp, "bundle.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            Add(archive, "myapp/appspec.yml", GoodAppSpec.Replace("version: 0.0", "version: 1.0", StringComparison.Ordinal));
            Add(archive, "myapp/app/index.html", "<h1>hi</h1>");
            Add(archive, "myapp/scripts/start.sh", "#!/bin/sh\n");
        }

        var (code, stdout, _) = Run("validate", zip);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("bundle.zip!myapp/appspec.yml:1:10: error InvalidVersion:", stdout, StringComparison.Ordinal);
    }

    // Reading each archive format (.zip/.tar/.tgz/.tar.gz) is covered in Greenlight.Bundles.Tests (ArchiveBundleTests);
    // here one archive checks the verb's output for a valid bundle.
    [Fact]
    public void Validate_TarGzBundle_ValidLabelledInsideArchive()
    {
        var path = Path.Combine(_temp, "bundle.tar.gz");
        WriteTar(path, gzip: true, ("appspec.yml", GoodAppSpec), ("app/index.html", "hi"), ("scripts/start.sh", "#!/bin/sh\n"));

        var (code, stdout, _) = Run("validate", path);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("bundle.tar.gz!appspec.yml: valid (0 errors, 0 warnings)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TgzWithoutAppSpec_AppSpecMissing()
    {
        var path = Path.Combine(_temp, "empty.tgz");
        WriteTar(path, gzip: true, ("app/index.html", "hi"));

        var (code, stdout, _) = Run("validate", path);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("error AppSpecMissing:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_JsonOutput_ParsesWithCountsAndDiagnostics()
    {
        var file = Path.Combine(_temp, "appspec.yml");
        File.WriteAllText(file, "version: \"0.0\"\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 0\n");

        var (code, stdout, _) = Run("validate", file, "--output", "json");

        Assert.Equal(ExitCodes.Failure, code);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(file, root.GetProperty("path").GetString());
        Assert.Equal(file, root.GetProperty("appspec").GetString());
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        Assert.Equal(1, root.GetProperty("warnings").GetInt32());
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(["QuotedVersion", "InvalidTimeout"], diagnostics.Select(d => d.GetProperty("code").GetString()));
        var timeout = diagnostics[1];
        Assert.Equal("error", timeout.GetProperty("severity").GetString());
        Assert.Equal((6, 16), (timeout.GetProperty("line").GetInt32(), timeout.GetProperty("column").GetInt32()));
        Assert.Equal("hooks.AfterInstall[0].timeout", timeout.GetProperty("path").GetString());
        Assert.False(string.IsNullOrEmpty(timeout.GetProperty("message").GetString()));
    }

    [Fact]
    public void Validate_JsonForBundleWithoutAppSpec_AppSpecIsNull()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_temp, "noappspec")).FullName;
        File.WriteAllText(Path.Combine(dir, "index.html"), "hi");

        var (code, stdout, _) = Run("validate", dir, "-o", "json");

        Assert.Equal(ExitCodes.Failure, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("appspec").ValueKind);
        Assert.Equal("AppSpecMissing", json.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Validate_HugeAppSpecFile_DocumentTooLarge()
    {
        var file = Path.Combine(_temp, "appspec.yml");
        File.WriteAllText(file, "version: 0.0\nos: linux\n#" + new string('x', 3 * 1024 * 1024));

        var (code, stdout, _) = Run("validate", file);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("error DocumentTooLarge:", stdout, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static void Add(ZipArchive archive, string name, string text)
    {
        using var stream = archive.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static void WriteTar(string path, bool gzip, params (string Name, string Text)[] files)
    {
        using var file = File.Create(path);
        using Stream stream = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        using var tar = new TarWriter(stream);
        foreach (var (name, text) in files)
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Greenlight.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Greenlight.slnx not found");
    }
}
