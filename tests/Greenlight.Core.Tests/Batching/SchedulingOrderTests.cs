using Greenlight.Core.Batching;

namespace Greenlight.Core.Tests.Batching;

public sealed class SchedulingOrderTests
{
    [Fact]
    public void Sort_MixedHealth_UnhealthyUnknownOldCurrentAndStable()
    {
        (string Id, RevisionHealth Health)[] hosts =
        [
            ("a", RevisionHealth.Current), ("b", RevisionHealth.Old), ("c", RevisionHealth.Unhealthy),
            ("d", RevisionHealth.Unknown), ("e", RevisionHealth.Current), ("f", RevisionHealth.Unhealthy), ("g", RevisionHealth.Old),
        ];

        var sorted = SchedulingOrder.Sort(hosts, h => h.Health);

        Assert.Equal(["c", "f", "d", "b", "g", "a", "e"], sorted.Select(h => h.Id));
    }
}
