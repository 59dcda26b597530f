// try/finally: finally runs on normal exit, on return from inside try (the return value is computed first),
// on break and continue out of loops, on goto out of the block, and nested finallys run inner-first.
using System;

class Program
{
    static int s_log;

    static void Log(int step) => s_log = s_log * 10 + step;

    static int ReturnFromTry()
    {
        int x = 1;
        try
        {
            x = 2;
            return x;
        }
        finally
        {
            x = 3;
            Log(x);
        }
    }

    static int Nested()
    {
        try
        {
            try
            {
                Log(1);
                return 10;
            }
            finally
            {
                Log(2);
            }
        }
        finally
        {
            Log(3);
        }
    }

    static int Loops()
    {
        int finallies = 0;
        int sum = 0;
        for (int i = 0; i < 10; i++)
        {
            try
            {
                if (i % 3 == 0) continue;
                if (i == 8) break;
                sum += i;
            }
            finally
            {
                finallies++;
            }
        }
        return finallies * 1000 + sum;
    }

    static int GotoOut()
    {
        int n = 0;
        try
        {
            n = 5;
            goto done;
        }
        finally
        {
            n *= 2;
            Log(9);
        }
    done:
        return n;
    }

    static int ReturnInLoopInTry(int limit)
    {
        int count = 0;
        try
        {
            while (true)
            {
                try
                {
                    count++;
                    if (count == limit) return count;
                }
                finally
                {
                    Log(count % 10);
                }
            }
        }
        finally
        {
            Log(0);
        }
    }

    static int Main()
    {
        Console.WriteLine(ReturnFromTry());
        Console.WriteLine(s_log); s_log = 0;
        Console.WriteLine(Nested());
        Console.WriteLine(s_log); s_log = 0;
        Console.WriteLine(Loops());
        Console.WriteLine(GotoOut());
        Console.WriteLine(s_log); s_log = 0;
        Console.WriteLine(ReturnInLoopInTry(4));
        Console.WriteLine(s_log); s_log = 0;
        int local = 0;
        try
        {
            local = 1;
        }
        finally
        {
            local += 10;
        }
        Console.WriteLine(local);
        return 0;
    }
}
