namespace Kernel.FileSystem;

using System;
using System.Runtime.CompilerServices;

/// <summary>
/// CRC-32/IEEE (zlib's), fed piece by piece and table-driven: the flush checksums every byte of its log, megabytes
/// at a time, where <see cref="Kernel.Checksum.Crc32"/>'s bit-by-bit loop would cost eight steps a byte. Start with
/// <see cref="Start"/>, feed with <see cref="Update"/>, end with <see cref="Finish"/>.
/// </summary>
public static class RunningCrc32
{
    const uint Polynomial = 0xEDB8_8320;

    static Table s_table;
    static bool s_ready;

    public const uint Start = 0xFFFF_FFFF;

    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        if (!s_ready)
        {
            Fill();
        }

        for (int i = 0; i < data.Length; i++)
        {
            crc = s_table[(int)((crc ^ data[i]) & 0xFF)] ^ (crc >> 8);
        }

        return crc;
    }

    public static uint Finish(uint crc) => ~crc;

    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Update(Start, data));

    static void Fill()
    {
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ Polynomial : c >> 1;
            }

            s_table[(int)n] = c;
        }

        s_ready = true;
    }

    [InlineArray(256)]
    struct Table
    {
        uint _element;
    }
}
