namespace User;

using System;

/// <summary>CRC-32/IEEE (zlib's): reflected, polynomial 0xEDB88320, bit by bit (no table: a user program has no
/// heap and little need for speed). Start with 0xFFFFFFFF, finish with ~.</summary>
public static class Crc32
{
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        for (int i = 0; i < data.Length; i++)
        {
            crc ^= data[i];
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB8_8320u & (uint)-(int)(crc & 1));
            }
        }

        return crc;
    }
}
