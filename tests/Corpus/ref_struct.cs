// ref structs: a span-based reader and writer, ref fields (C# 11), scoped parameters, ref struct methods.
using System;

ref struct SpanWriter
{
    private Span<byte> _buffer;
    private int _position;

    public SpanWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    public int Position => _position;

    public void WriteByte(byte b) => _buffer[_position++] = b;

    public void WriteUInt16(ushort v)
    {
        WriteByte((byte)v);
        WriteByte((byte)(v >> 8));
    }

    public void WriteString(string s)
    {
        for (int i = 0; i < s.Length; i++) WriteByte((byte)s[i]);
    }
}

ref struct SpanReader
{
    private ReadOnlySpan<byte> _data;

    public SpanReader(ReadOnlySpan<byte> data) => _data = data;

    public bool IsEmpty => _data.IsEmpty;

    public byte ReadByte()
    {
        byte b = _data[0];
        _data = _data.Slice(1);
        return b;
    }

    public ushort ReadUInt16() => (ushort)(ReadByte() | (ReadByte() << 8));
}

ref struct Accumulator
{
    public ref int Target;
    public int Calls;

    public Accumulator(ref int target)
    {
        Target = ref target;
        Calls = 0;
    }

    public void Add(int v)
    {
        Target += v;
        Calls++;
    }
}

class Program
{
    static int SumBytes(scoped ReadOnlySpan<byte> data)
    {
        int s = 0;
        foreach (byte b in data) s += b;
        return s;
    }

    static int Main()
    {
        Span<byte> storage = stackalloc byte[32];
        var writer = new SpanWriter(storage);
        writer.WriteUInt16(0xBEEF);
        writer.WriteString("kernel");
        writer.WriteByte(0);
        writer.WriteUInt16(513);
        Console.WriteLine(writer.Position);
        Console.WriteLine(SumBytes(storage.Slice(0, writer.Position)));

        var reader = new SpanReader(storage.Slice(0, writer.Position));
        Console.WriteLine(reader.ReadUInt16());
        while (true)
        {
            byte c = reader.ReadByte();
            if (c == 0) break;
            Console.Write((char)c);
        }
        Console.WriteLine();
        Console.WriteLine(reader.ReadUInt16());
        Console.WriteLine(reader.IsEmpty);

        int total = 0;
        var acc = new Accumulator(ref total);
        for (int i = 1; i <= 10; i++) acc.Add(i);
        Console.WriteLine(total);
        Console.WriteLine(acc.Calls);
        acc.Target = -1;
        Console.WriteLine(total);
        return 0;
    }
}
