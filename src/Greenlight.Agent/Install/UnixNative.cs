using System.Runtime.InteropServices;

namespace Greenlight.Agent.Install;

/// <summary>The libc calls .NET has no API for: user/group lookup (NSS), lchown and rename of any entry.</summary>
internal static partial class UnixNative
{
    /// <summary>(uid_t)-1: leave the owner or group unchanged.</summary>
    public const uint Unchanged = uint.MaxValue;

    /// <summary>The uid of <paramref name="name"/>, null when there is no such user.</summary>
    public static uint? UserId(string name)
    {
        // struct passwd { char* pw_name; char* pw_passwd; uid_t pw_uid; gid_t pw_gid; ... }
        var entry = GetPwNam(name);
        return entry == IntPtr.Zero ? null : (uint)Marshal.ReadInt32(entry, 2 * IntPtr.Size);
    }

    /// <summary>The gid of <paramref name="name"/>, null when there is no such group.</summary>
    public static uint? GroupId(string name)
    {
        // struct group { char* gr_name; char* gr_passwd; gid_t gr_gid; ... }
        var entry = GetGrNam(name);
        return entry == IntPtr.Zero ? null : (uint)Marshal.ReadInt32(entry, 2 * IntPtr.Size);
    }

    /// <summary>chown without following a symlink.</summary>
    public static void LChown(string path, uint uid, uint gid)
    {
        if (LChownNative(path, uid, gid) != 0)
        {
            throw new IOException($"lchown of '{path}' failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    /// <summary>rename(2): atomic replace within a file system; works for symlinks, dangling or not.</summary>
    public static void Rename(string from, string to)
    {
        if (RenameNative(from, to) != 0)
        {
            throw new IOException($"rename of '{from}' to '{to}' failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [LibraryImport("libc", EntryPoint = "getpwnam", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetPwNam(string name);

    [LibraryImport("libc", EntryPoint = "getgrnam", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetGrNam(string name);

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LChownNative(string path, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameNative(string from, string to);
}
