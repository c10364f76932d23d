using Greenlight.Agent.Events;
using Greenlight.Testing;

namespace Greenlight.Agent.Tests.Events;

public sealed class RevisionRetentionTests
{
    [Theory]
    [InlineData(7, 5, "", "d1,d2")]
    [InlineData(7, 5, "d1", "d2")]
    [InlineData(7, 5, "d1,d2", "")]
    [InlineData(3, 5, "", "")]
    [InlineData(4, 1, "d4", "d1,d2,d3")]
    public void Prune_GroupFolders_KeepsTheNewestAndThoseNamed(int folders, int max, string keep, string expectedRemoved)
    {
        using var dir = new TempDirectory();
        var start = new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= folders; i++)
        {
            var path = dir.Combine($"d{i}");
            Directory.CreateDirectory(path);
            Directory.SetCreationTimeUtc(path, start.AddMinutes(i));
        }

        var removed = RevisionRetention.Prune(dir.Path, max, keep.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => dir.Combine(k)));

        Assert.Equal(expectedRemoved, string.Join(",", removed.Order()));
        Assert.All(removed, r => Assert.False(Directory.Exists(dir.Combine(r))));
    }
}
