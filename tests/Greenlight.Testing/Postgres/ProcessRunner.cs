using System.Diagnostics;
using System.Text;

namespace Greenlight.Testing.Postgres;

/// <summary>Runs a program with an argument list (no shell), captures its output, and fails with both on a non-zero exit.</summary>
public static class ProcessRunner
{
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Describe(info)} did not finish within {timeout.TotalSeconds} s");
        }
        var output = new StringBuilder().Append(await stdout).Append(await stderr).ToString();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{Describe(info)} exited with {process.ExitCode}:\n{output}");
    }

    private static string Describe(ProcessStartInfo info) => info.FileName + " " + string.Join(' ', info.ArgumentList);
}
