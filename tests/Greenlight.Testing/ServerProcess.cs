using System.Diagnostics;

namespace Greenlight.Testing;

/// <summary>
/// A real <c>greenlight server</c> process (the built CLI, run with dotnet) on loopback. Tests stop only this
/// process, by its PID; <see cref="WaitForExitAsync"/> tells when a crash point killed it.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private ServerProcess(Process process)
    {
        _process = process;
    }

    public string Url => _url.Task.IsCompletedSuccessfully ? _url.Task.Result : throw new InvalidOperationException("not listening yet");

    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts the server and waits until it prints where it listens.</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, string listen, IReadOnlyDictionary<string, string>? environment = null, string database = "sqlite",
        IReadOnlyList<string>? extraArguments = null)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "greenlight.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "server", "--data", dataDirectory, "--listen", listen, "--database", database, "--test-profile" }.Concat(extraArguments ?? []))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment.Remove("GREENLIGHT_CRASH_POINT");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(server._url.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != server._url.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"the server did not start listening:\n{server.Output}");
        }

        return server;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        const string Marker = "Greenlight server listening on ";
        if (line.StartsWith(Marker, StringComparison.Ordinal))
        {
            _url.TrySetResult(line[Marker.Length..].Trim());
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    /// <summary>SIGTERM: a clean stop.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
