// Booleans: short-circuit && and ||, non-short-circuit & | ^ on bool, !, conditional expressions,
// and side effects that reveal evaluation order.
using System;

class Program
{
    static int calls;

    static bool T(int id) { calls = calls * 10 + id; return true; }
    static bool F(int id) { calls = calls * 10 + id; return false; }

    static void Show(bool result)
    {
        Console.Write(result); Console.Write(' '); Console.WriteLine(calls); calls = 0;
    }

    static int Main()
    {
        Show(F(1) && T(2));
        Show(T(1) && T(2));
        Show(T(1) || F(2));
        Show(F(1) || T(2));
        Show(F(1) & T(2));
        Show(T(1) | F(2));
        Show(T(1) ^ T(2));
        Show(F(1) ^ T(2));
        Show(!F(1));
        Show(T(1) && (F(2) || T(3)) && !F(4));
        Show(F(1) ? T(2) : F(3));
        Show(T(1) ? T(2) : F(3));
        bool a = T(0);
        bool b = F(0);
        calls = 0;
        Console.WriteLine(a == b);
        Console.WriteLine(a != b);
        Console.WriteLine(a & !b);
        bool flag = false;
        flag |= T(7);
        flag &= T(8);
        flag ^= F(9);
        Show(flag);
        int n = 0;
        for (int i = 0; i < 16; i++)
        {
            bool p = (i & 1) != 0, q = (i & 2) != 0, r = (i & 4) != 0, s = (i & 8) != 0;
            if ((p && q) || (r ^ s)) n += i;
        }
        Console.WriteLine(n);
        return 0;
    }
}
