using System.Buffers.Binary;

namespace Kernel.Fuzz;

/// <summary>The fuzzer's bytes read as a sequence of choices. Past the end every read answers 0 and
/// <see cref="Exhausted"/> is set, so any input, however short, is a complete program. A class: the fake device's
/// callbacks (what it does while the driver waits) read from it too.</summary>
public sealed class FuzzInput(byte[] bytes)
{
    private readonly byte[] _bytes = bytes;
    private int _offset;

    public bool Exhausted => _offset >= _bytes.Length;

    public byte Byte() => _offset < _bytes.Length ? _bytes[_offset++] : Next(1);

    public ushort UInt16() => _offset + 2 <= _bytes.Length ? BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(Advance(2), 2)) : Next(2);

    public uint UInt32() => _offset + 4 <= _bytes.Length ? BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(Advance(4), 4)) : Next(4);

    public ulong UInt64() => _offset + 8 <= _bytes.Length ? BinaryPrimitives.ReadUInt64LittleEndian(_bytes.AsSpan(Advance(8), 8)) : Next(8);

    /// <summary>A number below <paramref name="bound"/> (one byte: the fuzzer's mutations move it one choice at a time).</summary>
    public int Below(int bound) => Byte() % bound;

    /// <summary>One of <paramref name="choices"/>.</summary>
    public T Pick<T>(ReadOnlySpan<T> choices) => choices[Below(choices.Length)];

    private int Advance(int count)
    {
        int at = _offset;
        _offset += count;
        return at;
    }

    private byte Next(int count)
    {
        _offset = _bytes.Length + count;   // past the end: exhausted
        return 0;
    }
}
