namespace Greenlight.Bundles.Extraction;

/// <summary>
/// CRC-32 (IEEE 802.3, as zip uses), so a zip entry's bytes can be checked against its header. .NET stops a zip
/// entry at its declared size without checking the CRC, so a header that understates the size would otherwise
/// pass as a silently truncated file. System.IO.Hashing is a package, and this library takes none.
/// </summary>
internal struct Crc32
{
    private static readonly uint[] Table = BuildTable();

    private uint _state;

    public Crc32() => _state = 0xFFFF_FFFF;

    public readonly uint Value => ~_state;

    public void Append(ReadOnlySpan<byte> data)
    {
        var state = _state;
        foreach (var b in data)
        {
            state = Table[(byte)(state ^ b)] ^ (state >> 8);
        }

        _state = state;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < table.Length; i++)
        {
            var c = i;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
