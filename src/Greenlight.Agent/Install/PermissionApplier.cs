using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Greenlight.Core.AppSpec;

namespace Greenlight.Agent.Install;

/// <summary>
/// Applies a permissions entry to one object in the agent's order: chmod → setfacl → semanage/restorecon →
/// chown (codedeploy-semantics §1.5). Everything that can fail without touching the disk — unknown users and
/// groups, malformed ACLs, missing tools — fails in <see cref="Prepare"/>, before the copy starts.
/// Symlinks only get their owner changed (lchown): chmod, ACLs and contexts would reach through the link.
/// </summary>
internal sealed partial class PermissionApplier(ExternalTools tools)
{
    private const int SpecialBits = 0xE00; // setuid, setgid, sticky: chown clears the first two

    public IReadOnlyList<PreparedPermission> Prepare(IReadOnlyList<(PlannedEntry Target, PermissionEntry Entry)> plan)
    {
        var result = new List<PreparedPermission>();
        foreach (var (target, entry) in plan)
        {
            var path = target.Destination;
            var uid = entry.Owner is { } owner
                ? UnixNative.UserId(owner) ?? throw InstallFailedException.Of(InstallErrorCode.UnknownUser, path,
                    $"The deployment failed because owner '{owner}' (permissions entry at line {entry.Line}, for {path}) is not a user on this host.")
                : UnixNative.Unchanged;
            var gid = entry.Group is { } group
                ? UnixNative.GroupId(group) ?? throw InstallFailedException.Of(InstallErrorCode.UnknownGroup, path,
                    $"The deployment failed because group '{group}' (permissions entry at line {entry.Line}, for {path}) is not a group on this host.")
                : UnixNative.Unchanged;
            var isLink = target.Kind == FsKind.Symlink;
            var acls = entry.Acls.IsEmpty || isLink ? [] : CheckAcls(entry, target);
            var setfacl = acls.IsEmpty ? null : tools.Require("setfacl", "acl", "ACLs", path);
            var withContext = entry.Context is not null && !isLink;
            var semanage = withContext ? tools.Require("semanage", "policycoreutils-python-utils", "an SELinux context", path) : null;
            var restorecon = withContext ? tools.Require("restorecon", "policycoreutils", "an SELinux context", path) : null;
            result.Add(new PreparedPermission(target, entry, uid, gid, acls, setfacl, semanage, restorecon));
        }

        return result;
    }

    /// <summary>Applies <paramref name="p"/>; a context rule it adds is appended to <paramref name="cleanup"/>.</summary>
    public async Task ApplyAsync(PreparedPermission p, List<string> cleanup, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("AppSpec permissions are Linux only.");
        }

        var path = p.Target.Destination;
        var isLink = p.Target.Kind == FsKind.Symlink;
        if (p.Entry.Mode is { } mode && !isLink)
        {
            File.SetUnixFileMode(path, (UnixFileMode)mode.Value);
        }

        if (p.Setfacl is not null)
        {
            await tools.RunAsync(p.Setfacl, ["--set", FullAcl(p.Acls, File.GetUnixFileMode(path)), path], path, cancellationToken).ConfigureAwait(false);
        }

        if (p.Semanage is not null && p.Restorecon is not null && p.Entry.Context is { } context)
        {
            List<string> arguments = ["fcontext", "-a", "-t", context.Type];
            if (context.Range is { } range)
            {
                arguments.AddRange(["-r", range]);
            }

            if (context.User is { } user)
            {
                arguments.AddRange(["-s", user]);
            }

            arguments.Add(path);
            await tools.RunAsync(p.Semanage, arguments, path, cancellationToken).ConfigureAwait(false);
            cleanup.Add(CleanupFile.SemanagePrefix + path);
            await tools.RunAsync(p.Restorecon, ["-v", path], path, cancellationToken).ConfigureAwait(false);
        }

        if (p.Uid != UnixNative.Unchanged || p.Gid != UnixNative.Unchanged)
        {
            UnixNative.LChown(path, p.Uid, p.Gid);
            if (p.Entry.Mode is { } again && (again.Value & SpecialBits) != 0 && !isLink)
            {
                File.SetUnixFileMode(path, (UnixFileMode)again.Value);
            }
        }
    }

    /// <summary>
    /// The named entries as written plus the base entries <c>setfacl --set</c> needs (owner, group and other
    /// from the current mode, other only when not given), like the agent's <c>get_full_acl</c>.
    /// </summary>
    internal static string FullAcl(ImmutableArray<string> acls, UnixFileMode mode)
    {
        var bits = (int)mode;
        string Perms(int shift) =>
            string.Concat((bits >> shift & 4) != 0 ? "r" : "-", (bits >> shift & 2) != 0 ? "w" : "-", (bits >> shift & 1) != 0 ? "x" : "-");
        var entries = new List<string> { "u::" + Perms(6), "g::" + Perms(3) };
        if (!acls.Any(a => AclEntry().Match(a) is { Success: true } m && m.Groups["default"].Length == 0 && m.Groups["tag"].Value is "o" or "other"))
        {
            entries.Add("o::" + Perms(0));
        }

        entries.AddRange(acls);
        return string.Join(',', entries);
    }

    private static ImmutableArray<string> CheckAcls(PermissionEntry entry, PlannedEntry target)
    {
        foreach (var acl in entry.Acls)
        {
            var match = AclEntry().Match(acl);
            var problem = !match.Success ? "is not 'tag:name:perms' (e.g. u:bob:rw, d:g:web:rx, m::rw)"
                : match.Groups["tag"].Value is "u" or "user" or "g" or "group" && match.Groups["name"].Length == 0
                    ? "names no user or group (the owner and owning group entries come from 'mode')"
                : match.Groups["default"].Length > 0 && target.Kind != FsKind.Directory ? "is a default entry, allowed on directories only"
                : null;
            if (problem is not null)
            {
                throw InstallFailedException.Of(InstallErrorCode.InvalidAcl, target.Destination,
                    $"The deployment failed because ACL entry '{acl}' (permissions entry at line {entry.Line}, for {target.Destination}) {problem}.");
            }
        }

        return entry.Acls;
    }

    [GeneratedRegex("^(?<default>d:|default:)?(?<tag>u|user|g|group|m|mask|o|other):(?<name>[^:,]*):(?<perms>[rwxX-]{1,3}|[0-7])$", RegexOptions.CultureInvariant)]
    private static partial Regex AclEntry();
}
