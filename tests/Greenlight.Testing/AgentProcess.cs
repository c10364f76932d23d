using System.Diagnostics;

namespace Greenlight.Testing;

/// <summary>A real <c>greenlight agent</c> process for one instance, sandboxed under its own root and instance root.</summary>
public sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private AgentProcess(Process process, string name, string root, string instanceRoot)
    {
        _process = process;
        Name = name;
        Root = root;
        InstanceRoot = instanceRoot;
    }

    public string Name { get; }

    public string Root { get; }

    public string InstanceRoot { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

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

    /// <summary>Starts an agent; <paramref name="enrollmentToken"/> is needed on its first start only.</summary>
    public static AgentProcess Start(string serverUrl, string name, string directory, string? enrollmentToken, string tags = "role=web", string address = "127.0.0.1")
    {
        var root = Path.Combine(directory, name, "agent");
        var instanceRoot = Path.Combine(directory, name, "host");
        Directory.CreateDirectory(instanceRoot);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var args = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, "greenlight.dll"), "agent", "--server", serverUrl, "--name", name, "--root", root,
            "--instance-root", instanceRoot, "--tags", tags, "--poll-wait", "2s", "--address", address,
        };
        args.ForEach(info.ArgumentList.Add);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment[MarkerVariable] = root; // inherited by everything its hooks start, so disposing can stop it all
        info.Environment.Remove("GREENLIGHT_ENROLLMENT_TOKEN");
        if (enrollmentToken is not null)
        {
            info.Environment["GREENLIGHT_ENROLLMENT_TOKEN"] = enrollmentToken; // not on the command line, where ps shows it
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var agent = new AgentProcess(process, name, root, instanceRoot);
        process.OutputDataReceived += (_, e) => agent.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => agent.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return agent;
    }

    private void OnLine(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    /// <summary>SIGKILL, as a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }
    }

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    /// <summary>The environment marker every process of this agent carries (its hooks' daemons too).</summary>
    public const string MarkerVariable = "GREENLIGHT_TEST_AGENT";

    /// <summary>Stops the agent, then every process its hooks left running (found by the marker).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        MarkedProcesses.KillAll(MarkerVariable, Root);
    }
}
