using System.Security.Cryptography;
using System.Text;

namespace Greenlight.Bundles.Tests.Extraction;

/// <summary>
/// Files beside staging that an escape would reach: <c>x</c> (where <c>../x</c> lands), <c>canary/file</c> and
/// <c>canary/passwd</c>. <see cref="Snapshot"/> records paths, types, modes and contents of the whole tree around
/// staging (staging itself excluded) plus /etc/passwd and /etc/shadow.
/// </summary>
internal sealed class CanaryTree
{
    private static readonly string[] SystemFiles = ["/etc/passwd", "/etc/shadow"];

    private readonly string _root;
    private readonly string _staging;

    public CanaryTree(string root, string staging)
    {
        _root = root;
        _staging = staging;
        System.IO.Directory.CreateDirectory(Path.Combine(root, "canary"));
        File.WriteAllText(Path.Combine(root, "x"), "outside x\n");
        File.WriteAllText(Path.Combine(root, "canary", "file"), "canary file\n");
        File.WriteAllText(Path.Combine(root, "canary", "passwd"), "root:x:0:0::/root:/bin/sh\n");
    }

    public string Snapshot()
    {
        var text = new StringBuilder();
        foreach (var path in TreeWalk.Entries(_root, skip: p => p == _staging)
                     .Concat(SystemFiles.Where(File.Exists))
                     .Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(path);
            text.Append(path).Append(' ').Append(info.UnixFileMode).Append(' ');
            if (info.LinkTarget is { } target)
            {
                text.Append("-> ").Append(target);
            }
            else if (!info.Attributes.HasFlag(FileAttributes.Directory))
            {
                text.Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))));
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
