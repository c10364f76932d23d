using System.Diagnostics;

namespace Greenlight.Agent.Install;

/// <summary>
/// Finds and runs setfacl, semanage and restorecon. The search path is the agent's PATH unless
/// <see cref="InstallerOptions.ToolDirectories"/> says otherwise (tests use that to take a tool away).
/// </summary>
internal sealed class ExternalTools(IReadOnlyList<string>? directories)
{
    private readonly IReadOnlyList<string> _directories = directories
        ?? (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries);

    public string? Find(string tool) =>
        _directories.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    /// <summary>The tool's full path, or a ToolMissing failure naming it and the package that ships it.</summary>
    public string Require(string tool, string package, string forWhat, string path) =>
        Find(tool) ?? throw InstallFailedException.Of(InstallErrorCode.ToolMissing, path,
            $"The deployment failed because '{tool}' is not installed on this host; it is needed to apply {forWhat} to {path}. Install the '{package}' package.");

    public async Task RunAsync(string executable, IReadOnlyList<string> arguments, string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new IOException($"Could not start {executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        _ = await stdout.ConfigureAwait(false);
        var error = (await stderr.ConfigureAwait(false)).Trim();
        if (process.ExitCode != 0)
        {
            throw InstallFailedException.Of(InstallErrorCode.ToolFailed, path,
                $"The deployment failed because '{Path.GetFileName(executable)} {string.Join(' ', arguments)}' exited with {process.ExitCode}: {error}");
        }
    }
}
