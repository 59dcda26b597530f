namespace Kernel.Checksum;

using System;

/// <summary>
/// CRC-32/IEEE 802.3 (reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF): the CRC of zlib,
/// gzip and Python's <c>zlib.crc32</c>, so a test can check a sector against the host's copy of the disk.
/// Bit by bit: a table would be faster, but a few sectors at boot do not need it.
/// </summary>
public static class Crc32
{
    private const uint Polynomial = 0xEDB8_8320;

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFF_FFFF;
        for (int i = 0; i < data.Length; i++)
        {
            crc ^= data[i];
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ Polynomial : crc >> 1;
            }
        }

        return ~crc;
    }
}
