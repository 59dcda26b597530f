// Encoding a string's UTF-16 code units (with surrogate pairs) as UTF-8 by hand into a stack buffer,
// decoding it back, and counting code points; the bytes are printed, then the text itself.
using System;

class Program
{
    static int Encode(string s, Span<byte> output)
    {
        int n = 0;
        for (int i = 0; i < s.Length; i++)
        {
            uint c = s[i];
            if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length)
            {
                uint low = s[i + 1];
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                i++;
            }
            if (c < 0x80) output[n++] = (byte)c;
            else if (c < 0x800)
            {
                output[n++] = (byte)(0xC0 | (c >> 6));
                output[n++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (c < 0x10000)
            {
                output[n++] = (byte)(0xE0 | (c >> 12));
                output[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                output[n++] = (byte)(0x80 | (c & 0x3F));
            }
            else
            {
                output[n++] = (byte)(0xF0 | (c >> 18));
                output[n++] = (byte)(0x80 | ((c >> 12) & 0x3F));
                output[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                output[n++] = (byte)(0x80 | (c & 0x3F));
            }
        }
        return n;
    }

    static int CountCodePoints(ReadOnlySpan<byte> utf8)
    {
        int count = 0;
        foreach (byte b in utf8) if ((b & 0xC0) != 0x80) count++;
        return count;
    }

    static uint DecodeLast(ReadOnlySpan<byte> utf8)
    {
        int i = utf8.Length - 1;
        while ((utf8[i] & 0xC0) == 0x80) i--;
        byte lead = utf8[i];
        int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
        uint c = extra == 0 ? lead : (uint)(lead & (0x3F >> extra));
        for (int k = 1; k <= extra; k++) c = (c << 6) | (uint)(utf8[i + k] & 0x3F);
        return c;
    }

    static int Main()
    {
        string text = "héllo ✓ 😀 ü€𝄞";
        Span<byte> buffer = stackalloc byte[64];
        int length = Encode(text, buffer);
        Console.WriteLine(text.Length);
        Console.WriteLine(length);
        for (int i = 0; i < length; i++) { Console.Write(buffer[i]); Console.Write(' '); }
        Console.WriteLine();
        Console.WriteLine(CountCodePoints(buffer.Slice(0, length)));
        Console.WriteLine(DecodeLast(buffer.Slice(0, length)));
        ReadOnlySpan<byte> literal = "héllo ✓ 😀 ü€𝄞"u8;
        bool same = literal.Length == length;
        for (int i = 0; same && i < length; i++) same = literal[i] == buffer[i];
        Console.WriteLine(same);
        Console.WriteLine(text);
        return 0;
    }
}
