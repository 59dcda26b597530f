// Number formatting as a kernel's printf does it: decimal, hexadecimal with padding, binary, and signed values
// into a stack buffer of UTF-8 bytes, then printed byte by byte as chars.
using System;

ref struct Formatter
{
    private Span<byte> _buffer;
    private int _length;

    public Formatter(Span<byte> buffer)
    {
        _buffer = buffer;
        _length = 0;
    }

    public void Char(char c) => _buffer[_length++] = (byte)c;

    public void Str(string s)
    {
        foreach (char c in s) Char(c);
    }

    public void Unsigned(ulong v, uint radix, int minDigits)
    {
        Span<byte> digits = stackalloc byte[64];
        int n = 0;
        do
        {
            uint d = (uint)(v % radix);
            digits[n++] = (byte)(d < 10 ? '0' + d : 'a' + d - 10);
            v /= radix;
        } while (v != 0);
        while (n < minDigits) digits[n++] = (byte)'0';
        while (n > 0) _buffer[_length++] = digits[--n];
    }

    public void Signed(long v)
    {
        if (v < 0)
        {
            Char('-');
            Unsigned((ulong)(-(v + 1)) + 1, 10, 1);
        }
        else
        {
            Unsigned((ulong)v, 10, 1);
        }
    }

    public void Flush()
    {
        for (int i = 0; i < _length; i++) Console.Write((char)_buffer[i]);
        Console.WriteLine();
        _length = 0;
    }
}

class Program
{
    static int Main()
    {
        var f = new Formatter(stackalloc byte[256]);
        f.Str("dec "); f.Signed(0); f.Char(' '); f.Signed(-1); f.Char(' '); f.Signed(long.MinValue); f.Char(' '); f.Signed(long.MaxValue);
        f.Flush();
        f.Str("hex 0x"); f.Unsigned(0xDEADBEEF, 16, 16); f.Str(" 0x"); f.Unsigned(0, 16, 2); f.Str(" 0x"); f.Unsigned(ulong.MaxValue, 16, 1);
        f.Flush();
        f.Str("bin "); f.Unsigned(0b1011_0010, 2, 12); f.Char(' '); f.Unsigned(1, 2, 1);
        f.Flush();
        f.Str("oct "); f.Unsigned(511, 8, 4); f.Str(" b36 "); f.Unsigned(1295, 36, 1);
        f.Flush();
        f.Str("mcause=0x"); f.Unsigned(0x8000000000000007, 16, 16); f.Str(" mepc=0x"); f.Unsigned(0x80001234, 16, 8);
        f.Flush();
        return 0;
    }
}
