using Greenlight.Agent.Hooks;

namespace Greenlight.Agent.Tests.Hooks;

/// <summary>Runs with no other test in parallel: orphans are attributed by time only while one script runs in the agent.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Hook scripts alone in the agent";
}

[Collection(AloneCollection.Name)]
public sealed class HookRunnerAloneTests : IDisposable
{
    private readonly HookTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task RunEventAsync_DaemonLeavesSessionAndClearsEnvironment_StillKilledAsAdoptedOrphan()
    {
        // No marker in its environment and its own session: only the subreaper's adoption ties it to the script.
        // Its command line carries the test marker (exec -a) so the test can look for it.
        var script = _bed.Script("sneaky.sh", $"( setsid env -i /bin/bash -c 'exec -a gl-{_bed.Marker} sleep 300' > /dev/null 2>&1 & )\nsleep 30");

        var result = await _bed.RunAsync(_bed.Request(new HookScript(script, TimeoutSeconds: 1)));

        Assert.Equal(HookErrorCode.ScriptTimedOut, result.Code);
        Assert.Empty(_bed.Survivors());
    }
}
