using Greenlight.Agent.Hooks;
using Greenlight.Agent.Tests.Hooks;
using Greenlight.Core.AppSpec;
using HookScript = Greenlight.Agent.Hooks.HookScript;
using Greenlight.Core.Lifecycle;
using Greenlight.Testing;

namespace Greenlight.Agent.Tests.Samples;

/// <summary>
/// One sandboxed instance for a sample bundle: a temp instance root, the bundle's app copied where its appspec installs
/// it (what Install does), and its hook scripts run by the agent's <see cref="HookRunner"/> with the environment the
/// agent gives them. Dispose kills the app if a test left it running.
/// </summary>
internal sealed class SampleInstance : IDisposable
{
    private const string Destination = "opt/greenlight-sample";
    private readonly TempDirectory _temp = new("gl-sample");
    private readonly HookRunner _runner;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public SampleInstance(string id, string address)
    {
        Id = id;
        Address = address;
        Directory.CreateDirectory(Root);
        _runner = new HookRunner(_temp.Combine("agent-logs"));
    }

    public string Id { get; }

    public string Address { get; }

    public string Root => _temp.Combine("host");

    public string PidFile => Path.Combine(Root, "run", "greenlight-sample", "app.pid");

    public string HooksLog => Path.Combine(Root, "var", "log", "greenlight-sample", "hooks.log");

    public RecordingSink Output { get; } = new();

    public string OutputText => string.Join('\n', Output.Lines.Select(l => $"{l.Stream}: {l.Line}"));

    /// <summary>Copies the bundle's app/ to the instance's destination, replacing what was there.</summary>
    public void Install(string bundle)
    {
        var destination = Path.Combine(Root, Destination);
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination, recursive: true);
        }

        CopyDirectory(Path.Combine(bundle, "app"), destination);
    }

    /// <summary>Runs the scripts the bundle's appspec lists for <paramref name="lifecycleEvent"/>.</summary>
    public Task<HookEventResult> RunAsync(string bundle, LifecycleEvent lifecycleEvent)
    {
        var parsed = AppSpecParser.Parse(File.ReadAllText(Path.Combine(bundle, "appspec.yml")));
        Assert.True(parsed.Document is not null, string.Join("; ", parsed.Diagnostics));
        var scripts = parsed.Document.ScriptsFor(lifecycleEvent)
            .Select(s => new HookScript(Path.Combine(bundle, s.BundleLocation), s.TimeoutSeconds, s.RunAs))
            .ToList();
        Assert.NotEmpty(scripts);
        var request = new HookEventRequest(lifecycleEvent.ToString(), "d-SAMPLE0001", bundle, scripts)
        {
            Environment = new Dictionary<string, string>
            {
                ["LIFECYCLE_EVENT"] = lifecycleEvent.ToString(),
                ["DEPLOYMENT_ID"] = "d-SAMPLE0001",
                ["APPLICATION_NAME"] = "web",
                ["DEPLOYMENT_GROUP_NAME"] = "prod",
                ["DEPLOYMENT_GROUP_ID"] = "dg-sample",
                ["GREENLIGHT_INSTANCE_ID"] = Id,
                ["GREENLIGHT_INSTANCE_ADDRESS"] = Address,
                ["GREENLIGHT_INSTANCE_ROOT"] = Root,
            },
        };
        return _runner.RunEventAsync(request, Output, CancellationToken.None);
    }

    public async Task<(int Status, string Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri($"http://{Address}:18080{path}"));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The pid in the app's pid file, or null when there is none.</summary>
    public int? Pid => File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid) ? pid : null;

    /// <summary>
    /// True when <paramref name="pid"/> is alive and is this instance's app. A stopped app can stay a zombie for a while:
    /// the test process is the agent's child subreaper, which reaps orphans only now and then.
    /// </summary>
    public bool IsAppRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
            return stat[(stat.LastIndexOf(')') + 2)] is not ('Z' or 'X')
                && cmdline.Contains(Path.Combine(Root, Destination, "greenlight-sample.dll"), StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        // Never leave the app behind, even when an assertion failed before ApplicationStop.
        if (Pid is { } pid && IsAppRunning(pid))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
            }
        }

        HookRunner.ReapOrphans();
        _http.Dispose();
        _temp.Dispose();
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
