using Greenlight.Core.Deployments;
using Greenlight.Engine.Ports;
using Greenlight.Server.Fleet;
using Greenlight.Server.Tests.Api;
using Greenlight.Server.Tests.Fleet.Local;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Server.Tests.Fleet;

/// <summary>The fleet port's TerminateInstances with real local agents: a whole group goes, part of one shrinks.</summary>
public sealed class GreenFleetPortTests
{
    [Fact]
    public async Task TerminateInstances_SomeOfAGroup_DecrementsDesired_AllOfIt_DeletesTheGroup()
    {
        await using var fleet = new ServerWithAgents(await TestServer.StartAsync(agentCommand: LocalFleet.AgentCommand));
        var server = fleet.Server;
        await BlueGreen.PrepareAsync(server, desired: 2);
        var instances = await fleet.InServiceAsync("asg-web", 2);
        var port = server.Host.Services.GetServices<ICommandPort>().OfType<GreenFleetPort>().Single();

        await port.ExecuteAsync("d-none", new TerminateInstances("k1", [instances[0]], "test: one goes"), CancellationToken.None);
        await port.ExecuteAsync("d-none", new TerminateInstances("k1", [instances[0]], "test: one goes"), CancellationToken.None);
        var group = (await server.Admin.GetAsync("/api/v1/auto-scaling-groups/asg-web")).Body!["autoScalingGroup"]!;
        await Eventually.Until(() => fleet.InstancesAsync("asg-web"), all => all.Single(i => i.Id == instances[0]).State == "Terminated", TimeSpan.FromSeconds(60), "the first instance terminated");
        var remaining = await fleet.InServiceAsync("asg-web", 1);

        await port.ExecuteAsync("d-none", new TerminateInstances("k2", [instances[1], "registered-host"], "test: the rest goes"), CancellationToken.None);
        await Eventually.Until(async () => (await server.Admin.GetAsync("/api/v1/auto-scaling-groups/asg-web")).Status, s => s == 404, TimeSpan.FromSeconds(60), "the group deleted");

        Assert.Equal(1, group["desiredCapacity"]!.GetValue<int>());
        Assert.Equal([instances[1]], remaining);
    }
}
