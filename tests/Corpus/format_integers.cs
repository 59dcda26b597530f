using System;
using System.Text.Unicode;

// Integers, chars, bools and strings through interpolated strings (Console.Write/WriteLine, span.TryWrite,
// Utf8.TryWrite) and TryFormat, against CoreCLR: every integer type at its limits, G, D, X, x, B, N, F, E and
// G with a precision, alignment, a destination that is too small, and an invalid format at the end.
class Program
{
    static int Main()
    {
        int n = 3;
        ulong capacity = 2097152;
        double mb = capacity * 512 / 1048576.0;
        Console.WriteLine($"blk{n}: {capacity} sectors, {mb:F1} MiB");
        Console.Write($"irq {n} fired\n");
        Console.WriteLine($"");
        Console.WriteLine($"{sbyte.MinValue} {sbyte.MaxValue} {byte.MaxValue} {short.MinValue} {ushort.MaxValue} {int.MinValue} {uint.MaxValue} {long.MinValue} {ulong.MaxValue}");
        Console.WriteLine($"{(nint)(-7)} {(nuint)7} {'x'} {true} {false} {"text"} {(string)null}|");
        Console.WriteLine($"{sbyte.MinValue:X} {(short)-2:X} {-2:x} {-2L:X} {(byte)10:X4} {255:x8} {0:X} {ulong.MaxValue:x}");
        Console.WriteLine($"{-42:D5} {42:D} {0:D3} {long.MinValue:D25} {uint.MaxValue:D12}");
        Console.WriteLine($"{5:B} {(sbyte)-1:B} {1024:B16} {0:B}");
        Console.WriteLine($"{1234567:N0} {-1234567:N} {999:N0} {1000:N0} {long.MinValue:N0} {0:N2} {ulong.MaxValue:N0}");
        Console.WriteLine($"{42:F} {-42:F3} {42:E} {-42:e2} {0:E0} {12345:G3} {12355:G3} {99999:G2} {-12345:G10} {42:R}");
        Console.WriteLine($"[{5,4}] [{5,-4}] [{-5,4:D3}] [{"ab",3}] [{"ab",-3}] [{'c',2}] [{255,6:X}] [{1.5,8:F3}] [{true,6}]");
        Console.WriteLine($"{"\u00e9\u4e2d\ud83d\ude00"} {'\u00e9'}");

        Span<char> chars = stackalloc char[32];
        Console.WriteLine(chars.TryWrite($"id={n:D4} cap={capacity:X}", out int written));
        Print(chars.Slice(0, written));
        Console.WriteLine(chars.Slice(0, 10).TryWrite($"id={n:D4} cap={capacity:X}", out written));
        Console.WriteLine(written);
        Console.WriteLine(chars.Slice(0, 3).TryWrite($"long literal {n}", out written));
        Console.WriteLine(chars.TryWrite($"[{n,6}]", out written));
        Print(chars.Slice(0, written));

        Span<byte> bytes = stackalloc byte[32];
        Console.WriteLine(Utf8.TryWrite(bytes, $"v={-12:X} \u00e9{mb:F2}", out written));
        for (int i = 0; i < written; i++)
        {
            Console.Write(bytes[i]);
            Console.Write(' ');
        }

        Console.WriteLine();
        Console.WriteLine(Utf8.TryWrite(bytes.Slice(0, 4), $"v={-12:X}", out written));
        Console.WriteLine(written);

        Console.WriteLine(12345.TryFormat(chars, out written, "N0"));
        Print(chars.Slice(0, written));
        Console.WriteLine(12345.TryFormat(chars.Slice(0, 5), out written, "N0"));
        Console.WriteLine(written);
        Console.WriteLine(ulong.MaxValue.TryFormat(chars, out written));
        Print(chars.Slice(0, written));
        Console.WriteLine(true.TryFormat(chars, out written));
        Print(chars.Slice(0, written));
        Console.WriteLine((-1.25).TryFormat(chars, out written, "E1"));
        Print(chars.Slice(0, written));

        // .NET: "Format specifier was invalid."
        Console.WriteLine($"{42:Q}");
        return 0;
    }

    static void Print(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            Console.Write(text[i]);
        }

        Console.WriteLine();
    }
}
