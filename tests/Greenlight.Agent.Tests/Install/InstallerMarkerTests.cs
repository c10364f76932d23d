using Greenlight.Agent.Install;

namespace Greenlight.Agent.Tests.Install;

public sealed class InstallerMarkerTests : IDisposable
{
    private const string AppSpec = "version: 0.0\nos: linux\nfiles:\n  - source: a.txt\n    destination: /opt\n";
    private readonly InstallFixture _f = new();

    public void Dispose() => _f.Dispose();

    private string Marker(string suffix) => File.ReadAllText(Path.Combine(_f.Instructions, InstallFixture.Group + suffix));

    [Fact]
    public async Task InstallAsync_Success_WritesBothMarkersWithTheDeploymentRoot()
    {
        _f.Bundle("d-1", AppSpec, "a.txt");

        var result = await _f.InstallAsync("d-1");

        Assert.True(result.Succeeded, result.Error?.Message);
        var root = AgentPaths.DeploymentRoot(_f.AgentRoot, InstallFixture.Group, "d-1");
        Assert.Equal(root, Marker("_last_successful_install"));
        Assert.Equal(root, Marker("_most_recent_install"));
    }

    [Fact]
    public async Task InstallAsync_Failure_MovesMostRecentButKeepsLastSuccessful()
    {
        _f.Bundle("d-1", AppSpec, "a.txt");
        Assert.True((await _f.InstallAsync("d-1")).Succeeded);
        _f.Bundle("d-2", AppSpec + "  - source: b/a.txt\n    destination: /opt\n", "a.txt", "b/a.txt");

        var result = await _f.InstallAsync("d-2");

        Assert.Equal(InstallErrorCode.DuplicateDestination, result.Error?.Code);
        Assert.Equal(AgentPaths.DeploymentRoot(_f.AgentRoot, InstallFixture.Group, "d-1"), Marker("_last_successful_install"));
        Assert.Equal(AgentPaths.DeploymentRoot(_f.AgentRoot, InstallFixture.Group, "d-2"), Marker("_most_recent_install"));
    }

    [Fact]
    public async Task InstallAsync_Cancelled_ThrowsAndWritesNoSuccessMarker()
    {
        _f.Bundle("d-1", AppSpec, "a.txt");
        var parsed = Core.AppSpec.AppSpecParser.Parse(AppSpec).Document!;
        var request = new InstallRequest(parsed, _f.Archive("d-1"), InstallFixture.Group, "d-1", _f.Instructions, null, _f.InstanceRoot);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Installer().InstallAsync(request, new CancellationToken(canceled: true)));

        Assert.False(File.Exists(Path.Combine(_f.Instructions, InstallFixture.Group + "_last_successful_install")));
    }
}
