using System.Diagnostics;
using Greenlight.Agent.Install;
using Greenlight.Core.AppSpec;
using Greenlight.Testing;

namespace Greenlight.Agent.Tests.Install;

/// <summary>
/// An agent root, per-deployment bundles and an instance root in one temp folder. Every destination lands
/// below <see cref="InstanceRoot"/>, so tests never touch the real file system.
/// </summary>
internal sealed class InstallFixture : IDisposable
{
    private readonly TempDirectory _temp = new("gl-install");

    public InstallFixture()
    {
        Directory.CreateDirectory(InstanceRoot);
    }

    public string AgentRoot => _temp.Combine("agent");

    public string InstanceRoot => _temp.Combine("instance");

    public string Instructions => AgentPaths.Instructions(AgentRoot);

    public string Scratch => _temp.Combine("scratch");

    public const string Group = "dg-1";

    public string Archive(string deploymentId, string group = Group) => AgentPaths.Archive(AgentRoot, group, deploymentId);

    /// <summary>Host path of instance path <paramref name="instancePath"/>.</summary>
    public string Host(string instancePath) => InstanceRoot + instancePath;

    /// <summary>Creates the deployment's archive with the given files (bundle-relative path → content).</summary>
    public string Bundle(string deploymentId, string appSpec, params string[] files) => BundleFor(Group, deploymentId, appSpec, files);

    public string BundleFor(string group, string deploymentId, string appSpec, params string[] files)
    {
        var archive = Archive(deploymentId, group);
        Directory.CreateDirectory(archive);
        File.WriteAllText(Path.Combine(archive, "appspec.yml"), appSpec);
        foreach (var file in files)
        {
            var path = Path.Combine(archive, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, $"{deploymentId}:{file}");
        }

        return archive;
    }

    public Task<InstallResult> InstallAsync(
        string deploymentId, FileExistsBehavior? behavior = null, InstallerOptions? options = null, string group = Group)
    {
        var archive = Archive(deploymentId, group);
        var parsed = AppSpecParser.Parse(File.ReadAllText(Path.Combine(archive, "appspec.yml")));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Diagnostics.Select(d => d.ToString())));
        var request = new InstallRequest(parsed.Document!, archive, group, deploymentId, Instructions, behavior, InstanceRoot);
        return new Installer(options).InstallAsync(request, CancellationToken.None);
    }

    public string[] CleanupLines(string group = Group) =>
        File.ReadAllLines(Path.Combine(Instructions, group + "-cleanup"));

    /// <summary>A folder holding only the given tools, as shell scripts.</summary>
    public string ToolDirectory(params (string Name, string Script)[] tools)
    {
        var directory = Path.Combine(Scratch, "tools-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        foreach (var (name, script) in tools)
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, "#!/bin/sh\n" + script + "\n");
            File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));
        }

        return directory;
    }

    public static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {error}");
        return output.Trim();
    }

    public static UnixFileMode Mode(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);

    public void Dispose() => _temp.Dispose();
}
