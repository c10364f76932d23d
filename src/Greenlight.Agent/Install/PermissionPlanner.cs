using Greenlight.Core.AppSpec;

namespace Greenlight.Agent.Install;

/// <summary>
/// Decides which permissions entry applies to which object this Install creates (codedeploy-semantics §1.5).
/// Only planned objects count; a file object takes its entry when <c>type</c> has <c>file</c> (and then
/// pattern must be <c>**</c> with no except); a directory object (planned or existing) hands the entry to
/// planned objects strictly below it: every descendant for <c>**</c>, else immediate children whose name
/// matches. A path hit by two entries fails.
/// </summary>
internal static class PermissionPlanner
{
    public static IReadOnlyList<(PlannedEntry Target, PermissionEntry Entry)> Plan(
        IReadOnlyList<PlannedEntry> planned, IEnumerable<PermissionEntry> permissions, InstancePaths paths)
    {
        var byPath = planned.ToDictionary(p => p.Destination, StringComparer.Ordinal);
        var assigned = new Dictionary<string, PermissionEntry>(StringComparer.Ordinal);
        var result = new List<(PlannedEntry, PermissionEntry)>();

        void Assign(PlannedEntry target, PermissionEntry entry)
        {
            if (assigned.TryGetValue(target.Destination, out var first))
            {
                throw InstallFailedException.Of(InstallErrorCode.PermissionSpecifiedTwice, target.Destination,
                    $"The deployment failed because the permissions setting for {target.Destination} is specified more than once in the application specification file (entries at lines {first.Line} and {entry.Line}).");
            }

            assigned[target.Destination] = entry;
            result.Add((target, entry));
        }

        foreach (var entry in permissions)
        {
            var objectPath = paths.ToHost(entry.Object);
            if (byPath.TryGetValue(objectPath, out var self) && self.Kind != FsKind.Directory)
            {
                if (!entry.Types.Contains(PermissionObjectType.File))
                {
                    continue;
                }

                if (entry.Pattern != "**" || !entry.Except.IsEmpty)
                {
                    throw InstallFailedException.Of(InstallErrorCode.InvalidPermission, objectPath,
                        $"The deployment failed because the permissions entry at line {entry.Line} names the file {objectPath}: a file object takes no 'pattern' (other than \"**\") and no 'except'.");
                }

                Assign(self, entry);
                continue;
            }

            if (self is null && !Directory.Exists(objectPath))
            {
                continue;
            }

            var prefix = objectPath + "/";
            foreach (var target in planned)
            {
                if (!target.Destination.StartsWith(prefix, StringComparison.Ordinal)
                    || !entry.Types.Contains(target.Kind == FsKind.Directory ? PermissionObjectType.Directory : PermissionObjectType.File))
                {
                    continue;
                }

                var relative = target.Destination[prefix.Length..];
                if (SimpleGlob.Matches(relative, entry.Pattern) && !entry.Except.Any(e => SimpleGlob.Matches(relative, e)))
                {
                    Assign(target, entry);
                }
            }
        }

        return result;
    }
}
