namespace System.Buffers.Binary;

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

/// <summary>
/// Integers read from and written to byte spans in a given byte order, as in .NET (device registers, disk
/// structures, network headers). A span shorter than the integer throws ArgumentOutOfRangeException (length);
/// the Try forms return false instead. Every target here is little-endian.
/// </summary>
public static class BinaryPrimitives
{
    public static short ReverseEndianness(short value) => (short)(((ushort)value >> 8) | ((ushort)value << 8));

    public static short ReadInt16LittleEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < 2)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        short value = Unsafe.ReadUnaligned<short>(ref MemoryMarshal.GetReference(source));
        return value;
    }

    public static bool TryReadInt16LittleEndian(ReadOnlySpan<byte> source, out short value)
    {
        if (source.Length < 2)
        {
            value = 0;
            return false;
        }

        value = ReadInt16LittleEndian(source);
        return true;
    }

    public static void WriteInt16LittleEndian(Span<byte> destination, short value)
    {
        if (destination.Length < 2)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
    }

    public static bool TryWriteInt16LittleEndian(Span<byte> destination, short value)
    {
        if (destination.Length < 2)
        {
            return false;
        }

        WriteInt16LittleEndian(destination, value);
        return true;
    }

    public static short ReadInt16BigEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < 2)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        short value = Unsafe.ReadUnaligned<short>(ref MemoryMarshal.GetReference(source));
        return ReverseEndianness(value);
    }

    public static bool TryReadInt16BigEndian(ReadOnlySpan<byte> source, out short value)
    {
        if (source.Length < 2)
        {
            value = 0;
            return false;
        }

        value = ReadInt16BigEndian(source);
        return true;
    }

    public static void WriteInt16BigEndian(Span<byte> destination, short value)
    {
        if (destination.Length < 2)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), ReverseEndianness(value));
    }

    public static bool TryWriteInt16BigEndian(Span<byte> destination, short value)
    {
        if (destination.Length < 2)
        {
            return false;
        }

        WriteInt16BigEndian(destination, value);
        return true;
    }

    public static ushort ReverseEndianness(ushort value) => (ushort)(((ushort)value >> 8) | ((ushort)value << 8));

    public static ushort ReadUInt16LittleEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < 2)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        ushort value = Unsafe.ReadUnaligned<ushort>(ref MemoryMarshal.GetReference(source));
        return value;
    }

    public static bool TryReadUInt16LittleEndian(ReadOnlySpan<byte> source, out ushort value)
    {
        if (source.Length < 2)
        {
            value = 0;
            return false;
        }

        value = ReadUInt16LittleEndian(source);
        return true;
    }

    public static void WriteUInt16LittleEndian(Span<byte> destination, ushort value)
    {
        if (destination.Length < 2)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
    }

    public static bool TryWriteUInt16LittleEndian(Span<byte> destination, ushort value)
    {
        if (destination.Length < 2)
        {
            return false;
        }

        WriteUInt16LittleEndian(destination, value);
        return true;
    }

    public static ushort ReadUInt16BigEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < 2)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        ushort value = Unsafe.ReadUnaligned<ushort>(ref MemoryMarshal.GetReference(source));
        return ReverseEndianness(value);
    }

    public static bool TryReadUInt16BigEndian(ReadOnlySpan<byte> source, out ushort value)
    {
        if (source.Length < 2)
        {
            value = 0;
            return false;
        }

        value = ReadUInt16BigEndian(source);
        return true;
    }

    public static void WriteUInt16BigEndian(Span<byte> destination, ushort value)
    {
        if (destination.Length < 2)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), ReverseEndianness(value));
    }

    public static bool TryWriteUInt16BigEndian(Span<byte> destination, ushort value)
    {
        if (destination.Length < 2)
        {
            return false;
        }

        WriteUInt16BigEndian(destination, value);
        return true;
    }

    public static int ReverseEndianness(int value) => (int)BitOperationsRotate32((uint)value);

    public static int ReadInt32LittleEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < 4)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        int value = Unsafe.ReadUnaligned<int>(ref MemoryMarshal.GetReference(source));
        return value;
    }

    public static bool TryReadInt32LittleEndian(ReadOnlySpan<byte> source, out int value)
    {
        if (source.Length < 4)
        {
            value = 0;
            return false;
        }

        value = ReadInt32LittleEndian(source);
        return true;
    }

    public static void WriteInt32LittleEndian(Span<byte> destination, int value)
    {
        if (destination.Length < 4)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
    }

    public static bool TryWriteInt32LittleEndian(Span<byte> destination, int value)
    {
        if (destination.Length < 4)
        {
            return false;
        }

        WriteInt32LittleEndian(destination, value);
        return true;
    }

    public static int ReadInt32BigEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < 4)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        int value = Unsafe.ReadUnaligned<int>(ref MemoryMarshal.GetReference(source));
        return ReverseEndianness(value);
    }

    public static bool TryReadInt32BigEndian(ReadOnlySpan<byte> source, out int value)
    {
        if (source.Length < 4)
        {
            value = 0;
            return false;
        }

        value = ReadInt32BigEndian(source);
        return true;
    }

    public static void WriteInt32BigEndian(Span<byte> destination, int value)
    {
        if (destination.Length < 4)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), ReverseEndianness(value));
    }

    public static bool TryWriteInt32BigEndian(Span<byte> destination, int value)
    {
        if (destination.Length < 4)
        {
            return false;
        }

        WriteInt32BigEndian(destination, value);
        return true;
    }

    public static uint ReverseEndianness(uint value) => (uint)BitOperationsRotate32((uint)value);

    public static uint ReadUInt32LittleEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < 4)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        uint value = Unsafe.ReadUnaligned<uint>(ref MemoryMarshal.GetReference(source));
        return value;
    }

    public static bool TryReadUInt32LittleEndian(ReadOnlySpan<byte> source, out uint value)
    {
        if (source.Length < 4)
        {
            value = 0;
            return false;
        }

        value = ReadUInt32LittleEndian(source);
        return true;
    }

    public static void WriteUInt32LittleEndian(Span<byte> destination, uint value)
    {
        if (destination.Length < 4)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
    }

    public static bool TryWriteUInt32LittleEndian(Span<byte> destination, uint value)
    {
        if (destination.Length < 4)
        {
            return false;
        }

        WriteUInt32LittleEndian(destination, value);
        return true;
    }

    public static uint ReadUInt32BigEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < 4)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        uint value = Unsafe.ReadUnaligned<uint>(ref MemoryMarshal.GetReference(source));
        return ReverseEndianness(value);
    }

    public static bool TryReadUInt32BigEndian(ReadOnlySpan<byte> source, out uint value)
    {
        if (source.Length < 4)
        {
            value = 0;
            return false;
        }

        value = ReadUInt32BigEndian(source);
        return true;
    }

    public static void WriteUInt32BigEndian(Span<byte> destination, uint value)
    {
        if (destination.Length < 4)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), ReverseEndianness(value));
    }

    public static bool TryWriteUInt32BigEndian(Span<byte> destination, uint value)
    {
        if (destination.Length < 4)
        {
            return false;
        }

        WriteUInt32BigEndian(destination, value);
        return true;
    }

    public static long ReverseEndianness(long value) => (long)(((ulong)ReverseEndianness((uint)(ulong)value) << 32) | ReverseEndianness((uint)((ulong)value >> 32)));

    public static long ReadInt64LittleEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < 8)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        long value = Unsafe.ReadUnaligned<long>(ref MemoryMarshal.GetReference(source));
        return value;
    }

    public static bool TryReadInt64LittleEndian(ReadOnlySpan<byte> source, out long value)
    {
        if (source.Length < 8)
        {
            value = 0;
            return false;
        }

        value = ReadInt64LittleEndian(source);
        return true;
    }

    public static void WriteInt64LittleEndian(Span<byte> destination, long value)
    {
        if (destination.Length < 8)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
    }

    public static bool TryWriteInt64LittleEndian(Span<byte> destination, long value)
    {
        if (destination.Length < 8)
        {
            return false;
        }

        WriteInt64LittleEndian(destination, value);
        return true;
    }

    public static long ReadInt64BigEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < 8)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        long value = Unsafe.ReadUnaligned<long>(ref MemoryMarshal.GetReference(source));
        return ReverseEndianness(value);
    }

    public static bool TryReadInt64BigEndian(ReadOnlySpan<byte> source, out long value)
    {
        if (source.Length < 8)
        {
            value = 0;
            return false;
        }

        value = ReadInt64BigEndian(source);
        return true;
    }

    public static void WriteInt64BigEndian(Span<byte> destination, long value)
    {
        if (destination.Length < 8)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), ReverseEndianness(value));
    }

    public static bool TryWriteInt64BigEndian(Span<byte> destination, long value)
    {
        if (destination.Length < 8)
        {
            return false;
        }

        WriteInt64BigEndian(destination, value);
        return true;
    }

    public static ulong ReverseEndianness(ulong value) => (ulong)(((ulong)ReverseEndianness((uint)(ulong)value) << 32) | ReverseEndianness((uint)((ulong)value >> 32)));

    public static ulong ReadUInt64LittleEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < 8)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        ulong value = Unsafe.ReadUnaligned<ulong>(ref MemoryMarshal.GetReference(source));
        return value;
    }

    public static bool TryReadUInt64LittleEndian(ReadOnlySpan<byte> source, out ulong value)
    {
        if (source.Length < 8)
        {
            value = 0;
            return false;
        }

        value = ReadUInt64LittleEndian(source);
        return true;
    }

    public static void WriteUInt64LittleEndian(Span<byte> destination, ulong value)
    {
        if (destination.Length < 8)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
    }

    public static bool TryWriteUInt64LittleEndian(Span<byte> destination, ulong value)
    {
        if (destination.Length < 8)
        {
            return false;
        }

        WriteUInt64LittleEndian(destination, value);
        return true;
    }

    public static ulong ReadUInt64BigEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < 8)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        ulong value = Unsafe.ReadUnaligned<ulong>(ref MemoryMarshal.GetReference(source));
        return ReverseEndianness(value);
    }

    public static bool TryReadUInt64BigEndian(ReadOnlySpan<byte> source, out ulong value)
    {
        if (source.Length < 8)
        {
            value = 0;
            return false;
        }

        value = ReadUInt64BigEndian(source);
        return true;
    }

    public static void WriteUInt64BigEndian(Span<byte> destination, ulong value)
    {
        if (destination.Length < 8)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), ReverseEndianness(value));
    }

    public static bool TryWriteUInt64BigEndian(Span<byte> destination, ulong value)
    {
        if (destination.Length < 8)
        {
            return false;
        }

        WriteUInt64BigEndian(destination, value);
        return true;
    }

    private static uint BitOperationsRotate32(uint value) =>
        ((value >> 24) & 0xFFu) | ((value >> 8) & 0xFF00u) | ((value << 8) & 0xFF_0000u) | (value << 24);
}
