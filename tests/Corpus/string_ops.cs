// Working with strings without allocating: equality (==, !=), null checks, manual search, comparison,
// and parsing numbers character by character.
using System;

class Program
{
    static int IndexOf(string s, char c)
    {
        for (int i = 0; i < s.Length; i++) if (s[i] == c) return i;
        return -1;
    }

    static bool StartsWith(string s, string prefix)
    {
        if (prefix.Length > s.Length) return false;
        for (int i = 0; i < prefix.Length; i++) if (s[i] != prefix[i]) return false;
        return true;
    }

    static int Compare(string a, string b)
    {
        int n = a.Length < b.Length ? a.Length : b.Length;
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
        }
        return a.Length == b.Length ? 0 : a.Length < b.Length ? -1 : 1;
    }

    static long ParseInt(string s)
    {
        long v = 0;
        int i = 0;
        bool neg = false;
        if (s.Length > 0 && s[0] == '-') { neg = true; i = 1; }
        for (; i < s.Length; i++) v = v * 10 + (s[i] - '0');
        return neg ? -v : v;
    }

    static string Pick(int i) => i switch { 0 => "zero", 1 => "one", _ => "many" };

    static int Main()
    {
        string a = "kernel";
        string b = Pick(1);
        string c = "one";
        string none = null;
        Console.WriteLine(a == "kernel");
        Console.WriteLine(b == c);
        Console.WriteLine(b != "one");
        Console.WriteLine(a == b);
        Console.WriteLine(none == null);
        Console.WriteLine(none == a);
        Console.WriteLine((object)b == (object)c);
        Console.WriteLine(IndexOf(a, 'n'));
        Console.WriteLine(IndexOf(a, 'z'));
        Console.WriteLine(StartsWith(a, "ker"));
        Console.WriteLine(StartsWith(a, "kernels"));
        Console.WriteLine(Compare("apple", "apricot"));
        Console.WriteLine(Compare("same", "same"));
        Console.WriteLine(Compare("longer", "long"));
        Console.WriteLine(ParseInt("-9223372036854775807"));
        Console.WriteLine(ParseInt("1234567"));
        int words = 0;
        bool inWord = false;
        foreach (char ch in "  the quick  brown fox ")
        {
            if (ch == ' ') inWord = false;
            else if (!inWord) { inWord = true; words++; }
        }
        Console.WriteLine(words);
        return 0;
    }
}
