using System.Diagnostics;

namespace Greenlight.Testing;

/// <summary>
/// The sample bundles of samples/README.md for tests: <see cref="Bundle"/> returns the folder of <c>v1</c>, <c>v2</c>,
/// <c>broken</c> or <c>v3-5xx</c> under artifacts/sample-web/bundles. The first call in a test process runs
/// eng/sample-app.sh, which does nothing when the bundles are up to date and takes a file lock, so test assemblies
/// running at the same time build the app once between them.
/// </summary>
public static class SampleApp
{
    public static IReadOnlyList<string> BundleNames { get; } = ["v1", "v2", "broken", "v3-5xx"];

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly Lazy<string> BundlesDirectory = new(Assemble, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The assembled bundle folder of <paramref name="name"/> (one of <see cref="BundleNames"/>).</summary>
    public static string Bundle(string name)
    {
        if (!BundleNames.Contains(name))
        {
            throw new ArgumentException($"no sample bundle '{name}'; there are {string.Join(", ", BundleNames)}", nameof(name));
        }

        return Path.Combine(BundlesDirectory.Value, name);
    }

    /// <summary>The version the bundle's app serves (its app/version.txt).</summary>
    public static string Version(string name) => File.ReadAllText(Path.Combine(Bundle(name), "app", "version.txt")).Trim();

    private static string Assemble()
    {
        var script = Path.Combine(RepositoryRoot.Path, "eng", "sample-app.sh");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {script}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(BuildTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {BuildTimeout}");
        }

        Task.WaitAll(stdout, stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed with exit code {process.ExitCode}:\n{stderr.Result}{stdout.Result}");
        }

        var bundles = Path.Combine(RepositoryRoot.Path, "artifacts", "sample-web", "bundles");
        var missing = BundleNames.Where(n => !Directory.Exists(Path.Combine(bundles, n))).ToList();
        return missing.Count == 0
            ? bundles
            : throw new InvalidOperationException($"{script} succeeded but left no bundle {string.Join(", ", missing)} in {bundles}");
    }
}
