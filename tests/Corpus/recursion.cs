// Recursion: naive Fibonacci, Ackermann, mutual recursion, recursion over spans (divide and conquer),
// Towers of Hanoi move counting, and moderately deep recursion.
using System;

class Program
{
    static int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);

    static int Ackermann(int m, int n)
    {
        if (m == 0) return n + 1;
        if (n == 0) return Ackermann(m - 1, 1);
        return Ackermann(m - 1, Ackermann(m, n - 1));
    }

    static bool IsEven(int n) => n == 0 || IsOdd(n - 1);
    static bool IsOdd(int n) => n != 0 && IsEven(n - 1);

    static long SumRange(ReadOnlySpan<int> s)
    {
        if (s.Length == 0) return 0;
        if (s.Length == 1) return s[0];
        int mid = s.Length / 2;
        return SumRange(s.Slice(0, mid)) + SumRange(s.Slice(mid));
    }

    static long Hanoi(int disks, int from, int to, int via, ref long checksum)
    {
        if (disks == 0) return 0;
        long moves = Hanoi(disks - 1, from, via, to, ref checksum);
        checksum = checksum * 3 + from * 7 + to;
        checksum &= 0xFFFFFFFF;
        moves++;
        moves += Hanoi(disks - 1, via, to, from, ref checksum);
        return moves;
    }

    static int Depth(int n) => n == 0 ? 0 : 1 + Depth(n - 1);

    static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    static int Main()
    {
        for (int i = 0; i <= 25; i += 5)
        {
            Console.Write(Fib(i)); Console.Write(' ');
        }
        Console.WriteLine();
        Console.WriteLine(Ackermann(2, 3));
        Console.WriteLine(Ackermann(3, 3));
        Console.WriteLine(IsEven(100));
        Console.WriteLine(IsOdd(77));
        Span<int> values = stackalloc int[100];
        for (int i = 0; i < values.Length; i++) values[i] = i * 7 - 300;
        Console.WriteLine(SumRange(values));
        long checksum = 0;
        Console.WriteLine(Hanoi(12, 1, 3, 2, ref checksum));
        Console.WriteLine(checksum);
        Console.WriteLine(Depth(1000));
        Console.WriteLine(Gcd(1134903170, 1836311903));
        Console.WriteLine(Gcd(2L * 3 * 5 * 7 * 11 * 13 * 17 * 19 * 23, 29L * 23 * 19 * 2));
        return 0;
    }
}
