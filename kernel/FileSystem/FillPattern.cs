namespace Kernel.FileSystem;

using System;

/// <summary>
/// The bytes of the shell's <c>fill NAME SIZE SEED</c>, which tests write through the kernel and compare with the
/// host's <c>tar -xf</c>: xorshift64 (13, 7, 17) from the state <c>SEED * 0x9E3779B97F4A7C15 + 1</c>, each step giving 8
/// bytes, least significant first. The host computes the same stream to check the files.
/// </summary>
public static class FillPattern
{
    public static ulong Start(ulong seed) => seed * 0x9E37_79B9_7F4A_7C15UL + 1;

    /// <summary>Fills <paramref name="destination"/> (a multiple of 8 bytes, except for a file's last piece) and
    /// returns the state for the next piece.</summary>
    public static ulong Next(ulong state, Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i += 8)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            for (int b = 0; b < 8 && i + b < destination.Length; b++)
            {
                destination[i + b] = (byte)(state >> (8 * b));
            }
        }

        return state;
    }
}
