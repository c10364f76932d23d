using Greenlight.Agent.Hooks;
using Greenlight.Agent.Tests.Hooks;
using Greenlight.Core.Lifecycle;
using Greenlight.Testing;

namespace Greenlight.Agent.Tests.Samples;

/// <summary>
/// The sample bundles' hook scripts run for real by the agent's hook runner, in a sandboxed instance on its own loopback
/// address: the app starts, validates, serves, and stops by its pid file. Alone, because the app outlives the script
/// that started it and is adopted by the test process, like a service started by ApplicationStart is by the agent.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class SampleBundleTests
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task V1_StartValidateStop_ServesItsVersionOnTheInstanceAddressThenStops()
    {
        var bundle = SampleApp.Bundle("v1");
        using var instance = new SampleInstance("web-7", "127.0.3.7");
        instance.Install(bundle);

        AssertSucceeded(instance, await instance.RunAsync(bundle, LifecycleEvent.ApplicationStart));
        AssertSucceeded(instance, await instance.RunAsync(bundle, LifecycleEvent.ValidateService));

        Assert.Equal((200, "1.0.0"), await instance.GetAsync("/version"));
        Assert.Equal((200, "ok"), await instance.GetAsync("/health"));
        Assert.Equal((200, "greenlight sample 1.0.0 on 127.0.3.7"), await instance.GetAsync("/"));
        var pid = instance.Pid ?? throw new InvalidOperationException("ApplicationStart wrote no pid file\n" + instance.OutputText);
        Assert.True(instance.IsAppRunning(pid), instance.OutputText);

        AssertSucceeded(instance, await instance.RunAsync(bundle, LifecycleEvent.ApplicationStop));

        await Eventually.Until(() => Task.FromResult(instance.IsAppRunning(pid)), running => !running, StopTimeout, "the app stops");
        Assert.False(File.Exists(instance.PidFile));
        Assert.Equal(
            ["ApplicationStart 1.0.0 web-7", "ValidateService 1.0.0 web-7", "ApplicationStop 1.0.0 web-7"],
            await File.ReadAllLinesAsync(instance.HooksLog));
    }

    [Fact]
    public async Task Broken_ValidateService_FailsOnPurposeExceptOnInstancesNotListedInFailOnlyOn()
    {
        var broken = SampleApp.Bundle("broken");
        using var copy = new TempDirectory("gl-sample-broken");
        CopyBundle(broken, copy.Path);
        await File.WriteAllTextAsync(Path.Combine(copy.Path, "fail-only-on.txt"), "web-2\nweb-3\n");
        using var instance = new SampleInstance("web-1", "127.0.3.8");
        instance.Install(broken);
        AssertSucceeded(instance, await instance.RunAsync(broken, LifecycleEvent.ApplicationStart));

        var failed = await instance.RunAsync(broken, LifecycleEvent.ValidateService);
        var elsewhere = await instance.RunAsync(copy.Path, LifecycleEvent.ValidateService);

        Assert.Equal(HookErrorCode.ScriptFailed, failed.Code);
        Assert.Contains("failing on purpose", failed.LogTail, StringComparison.Ordinal);
        AssertSucceeded(instance, elsewhere);
        Assert.Contains(instance.Output.Lines, l => l.Line.Contains("fails only on the instances in fail-only-on.txt, not on web-1", StringComparison.Ordinal));
        AssertSucceeded(instance, await instance.RunAsync(broken, LifecycleEvent.ApplicationStop));
    }

    [Fact]
    public async Task V3With5xxMode_HomePageAnswers500_HealthAndValidationStayGreen()
    {
        var bundle = SampleApp.Bundle("v3-5xx");
        using var instance = new SampleInstance("web-9", "127.0.3.9");
        instance.Install(bundle);
        AssertSucceeded(instance, await instance.RunAsync(bundle, LifecycleEvent.ApplicationStart));
        AssertSucceeded(instance, await instance.RunAsync(bundle, LifecycleEvent.ValidateService));

        var (status, _) = await instance.GetAsync("/");

        Assert.Equal(500, status);
        Assert.Equal((200, "ok"), await instance.GetAsync("/health"));
        AssertSucceeded(instance, await instance.RunAsync(bundle, LifecycleEvent.ApplicationStop));
    }

    private static void AssertSucceeded(SampleInstance instance, HookEventResult result) =>
        Assert.True(result.Code == HookErrorCode.Success, $"{result.Code}: {result.Message}\n{instance.OutputText}");

    private static void CopyBundle(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
