// char as a 16-bit unsigned integer: arithmetic, comparisons, case conversion by bit tricks, digit values,
// conversions to and from int/byte/ushort, and chars in switch expressions.
using System;

class Program
{
    static char ToUpperAscii(char c) => c >= 'a' && c <= 'z' ? (char)(c & ~0x20) : c;
    static char ToLowerAscii(char c) => c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
    static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => -1,
    };

    static int Main()
    {
        string s = "Hello, World! 123 xyz";
        for (int i = 0; i < s.Length; i++) Console.Write(ToUpperAscii(s[i]));
        Console.WriteLine();
        for (int i = 0; i < s.Length; i++) Console.Write(ToLowerAscii(s[i]));
        Console.WriteLine();
        long value = 0;
        foreach (char c in "zz9")
        {
            value = value * 36 + DigitValue(c);
        }
        Console.WriteLine(value);
        Console.WriteLine(DigitValue('!'));
        char c1 = 'A';
        char c2 = (char)(c1 + 25);
        Console.WriteLine(c2);
        Console.WriteLine(c2 - c1);
        Console.WriteLine(c1 < c2);
        Console.WriteLine((int)char.MaxValue);
        Console.WriteLine((int)char.MinValue);
        Console.WriteLine((byte)'é');
        Console.WriteLine((ushort)'✓');
        Console.WriteLine((char)0x263A);
        Console.WriteLine(unchecked((short)'\uFFFF'));
        char next = '\uFFFF';
        next++;
        Console.WriteLine((int)next);
        int letters = 0, digits = 0, others = 0;
        foreach (char c in s)
        {
            if ((uint)((c | 0x20) - 'a') <= 'z' - 'a') letters++;
            else if ((uint)(c - '0') <= 9) digits++;
            else others++;
        }
        Console.WriteLine(letters * 10000 + digits * 100 + others);
        return 0;
    }
}
