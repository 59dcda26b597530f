// Loops and control flow: for, while, do-while, nested loops with break/continue, goto-based loops,
// labeled exits, loops with multiple variables, and conditions evaluated once per iteration.
using System;

class Program
{
    static int s_evaluations;

    static int Limit()
    {
        s_evaluations++;
        return 5;
    }

    static int Main()
    {
        int sum = 0;
        for (int i = 0; i < Limit(); i++) sum += i;
        Console.WriteLine(sum);
        Console.WriteLine(s_evaluations);

        int n = 27, steps = 0;
        while (n != 1)
        {
            n = (n & 1) == 0 ? n / 2 : 3 * n + 1;
            steps++;
        }
        Console.WriteLine(steps);

        int k = 100;
        do
        {
            k -= 7;
        } while (k > 0);
        Console.WriteLine(k);
        do { k++; } while (false);
        Console.WriteLine(k);

        int pairs = 0;
        for (int a = 0; a < 10; a++)
        {
            if (a == 7) break;
            for (int b = 0; b < 10; b++)
            {
                if (b > a) break;
                if ((a + b) % 3 == 0) continue;
                pairs++;
            }
        }
        Console.WriteLine(pairs);

        // search with goto out of nested loops
        int foundX = -1, foundY = -1;
        for (int x = 1; x < 50; x++)
        {
            for (int y = x; y < 50; y++)
            {
                if (x * x + y * y == 25 * 25 && x > 10)
                {
                    foundX = x;
                    foundY = y;
                    goto found;
                }
            }
        }
    found:
        Console.WriteLine(foundX * 100 + foundY);

        int counter = 0;
    again:
        counter += 3;
        if (counter < 20) goto again;
        Console.WriteLine(counter);

        for (int i = 0, j = 10; i < j; i += 2, j--)
        {
            Console.Write(i * j); Console.Write(' ');
        }
        Console.WriteLine();

        long product = 1;
        int iterations = 0;
        for (;;)
        {
            product *= 3;
            if (++iterations == 30) break;
        }
        Console.WriteLine(product);

        int digits = 0;
        for (ulong v = ulong.MaxValue; v != 0; v /= 10) digits++;
        Console.WriteLine(digits);

        // countdown with unsigned wrap guard
        uint u = 3;
        int loops = 0;
        while (u-- > 0) loops++;
        Console.WriteLine(loops);
        Console.WriteLine(u);
        return 0;
    }
}
