using System.Buffers.Binary;

namespace Greenlight.Bundles.Extraction;

/// <summary>
/// Reads the entry count a zip declares in its end-of-central-directory record (Zip64 aware), so an archive
/// declaring more entries than the limit is refused before <c>ZipArchive</c> loads a million entries into memory.
/// Best effort: null when the record cannot be found, and <c>ZipArchive</c> then has its say.
/// </summary>
internal static class ZipDirectoryPeek
{
    private const uint EndSignature = 0x0605_4B50;
    private const uint Zip64LocatorSignature = 0x0706_4B50;
    private const uint Zip64EndSignature = 0x0606_4B50;
    private const int EndLength = 22;
    private const int MaxCommentLength = ushort.MaxValue;
    private const int Zip64LocatorLength = 20;

    public static long? DeclaredEntries(string path)
    {
        using var file = File.OpenRead(path);
        var tail = new byte[(int)Math.Min(file.Length, EndLength + MaxCommentLength + Zip64LocatorLength)];
        file.Seek(-tail.Length, SeekOrigin.End);
        file.ReadExactly(tail);
        for (var at = tail.Length - EndLength; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != EndSignature)
            {
                continue;
            }

            var count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            return count != ushort.MaxValue ? count : Zip64Entries(file, tail, at - Zip64LocatorLength);
        }

        return null;
    }

    private static long? Zip64Entries(FileStream file, byte[] tail, int locator)
    {
        if (locator < 0 || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(locator)) != Zip64LocatorSignature)
        {
            return null;
        }

        var offset = BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(locator + 8));
        if (offset > (ulong)(file.Length - 40))
        {
            return null;
        }

        var record = new byte[40];
        file.Seek((long)offset, SeekOrigin.Begin);
        file.ReadExactly(record);
        return BinaryPrimitives.ReadUInt32LittleEndian(record) == Zip64EndSignature
            ? (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32)), long.MaxValue)
            : null;
    }
}
