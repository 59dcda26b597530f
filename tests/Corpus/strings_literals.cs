// String literals: ASCII, non-ASCII (Latin-1, BMP symbols, surrogate pairs), escapes, verbatim and raw strings;
// Length and the indexer count UTF-16 code units; printing writes UTF-8.
using System;

class Program
{
    static void Codes(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            Console.Write((int)s[i]); Console.Write(' ');
        }
        Console.WriteLine();
    }

    static int Main()
    {
        string plain = "hello, kernel";
        string accents = "héllo ✓ 😀";
        string escapes = "tab\there \"quoted\" back\\slash \u0041\x42 null:\0:end";
        string verbatim = @"C:\path\to ""file""";
        string raw = """
            raw "string" with {braces}
              and indentation
            """;
        string empty = "";
        Console.WriteLine(plain);
        Console.WriteLine(accents);
        Console.WriteLine(escapes);
        Console.WriteLine(verbatim);
        Console.WriteLine(raw);
        Console.WriteLine(empty);
        Console.WriteLine(plain.Length);
        Console.WriteLine(accents.Length);
        Console.WriteLine(escapes.Length);
        Console.WriteLine(verbatim.Length);
        Console.WriteLine(raw.Length);
        Console.WriteLine(empty.Length);
        Codes(accents);
        Console.WriteLine(plain[0]);
        Console.WriteLine(plain[plain.Length - 1]);
        Console.WriteLine(accents[1]);
        Console.WriteLine(accents[6]);
        Console.WriteLine(accents[8] >= '\uD800' && accents[8] <= '\uDBFF');
        Console.WriteLine("Ελληνικά русский 日本語");
        Console.WriteLine("line one\nline two\r\nline three");
        Console.Write('é');
        Console.Write('✓');
        Console.WriteLine('\u00ff');
        string multi = "a" + "b" + "c";
        Console.WriteLine(multi);
        return 0;
    }
}
