using System.Text;
using Greenlight.Agent.Hooks;
using Greenlight.Testing;

namespace Greenlight.Agent.Tests.Hooks;

/// <summary>A bundle directory with real bash scripts, a log directory, a recording sink and /proc probes.</summary>
internal sealed class HookTestBed : IDisposable
{
    private readonly TempDirectory _temp = new("gl-hooks");

    public HookTestBed()
    {
        Directory.CreateDirectory(BundleRoot);
        Runner = new HookRunner(LogDirectory);
    }

    /// <summary>Inherited by every process a script starts, so tests can look for survivors.</summary>
    public string Marker { get; } = Guid.NewGuid().ToString("N");

    public string BundleRoot => _temp.Combine("bundle");

    public string LogDirectory => _temp.Combine("logs");

    public string TempPath => _temp.Path;

    public HookRunner Runner { get; }

    public RecordingSink Sink { get; } = new();

    public string Script(string name, string body)
    {
        var path = Path.Combine(BundleRoot, "scripts", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/bash\n" + body + "\n");
        return path;
    }

    public HookEventRequest Request(params HookScript[] scripts) =>
        new("AfterInstall", "d-TEST12345", BundleRoot, scripts)
        {
            Environment = new Dictionary<string, string> { ["GL_TEST_MARKER"] = Marker },
            GracePeriod = TimeSpan.FromSeconds(1),
        };

    public Task<HookEventResult> RunAsync(HookEventRequest request, CancellationToken cancellationToken = default) =>
        Runner.RunEventAsync(request, Sink, cancellationToken);

    public string LogText => File.Exists(Runner.Log.FilePath) ? File.ReadAllText(Runner.Log.FilePath) : "";

    /// <summary>Live (non-zombie) processes whose environment or command line holds this bed's marker.</summary>
    public List<int> Survivors() => ProcessesWith(Marker);

    public static List<int> ProcessesWith(string marker)
    {
        var needle = Encoding.UTF8.GetBytes(marker);
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (stat[(stat.LastIndexOf(')') + 2)] is 'Z' or 'X')
                {
                    continue;
                }

                if (File.ReadAllBytes(Path.Combine(dir, "environ")).AsSpan().IndexOf(needle) >= 0
                    || File.ReadAllBytes(Path.Combine(dir, "cmdline")).AsSpan().IndexOf(needle) >= 0)
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone while we looked.
            }
        }

        return found;
    }

    public void Dispose()
    {
        // Never leave a test's processes behind, even when an assertion failed first.
        foreach (var pid in Survivors())
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
            }
        }

        _temp.Dispose();
    }
}

internal sealed class RecordingSink : IHookOutputSink
{
    private readonly Lock _lock = new();
    private readonly List<(long Sequence, string Stream, string Line)> _lines = [];

    public IReadOnlyList<(long Sequence, string Stream, string Line)> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    public void WriteLine(long sequence, string stream, string line)
    {
        lock (_lock)
        {
            _lines.Add((sequence, stream, line));
        }
    }
}
