// A throw runs the finally blocks of every active try, innermost first and across calls (using included),
// before the program ends with the unhandled exception, as CoreCLR does.
using System;
struct Guard : IDisposable { public int Id; public void Dispose() { Console.Write("dispose "); Console.WriteLine(Id); } }
static class Program
{
    static void Inner(int n)
    {
        int local = 1;
        try
        {
            local = 42;
            using (var g = new Guard { Id = n })
            {
                if (n == 3) throw new InvalidOperationException("deep");
                Inner(n + 1);
            }
        }
        finally
        {
            Console.Write("inner finally ");
            Console.Write(n);
            Console.Write(" local=");
            Console.WriteLine(local);
        }
    }
    static int Main()
    {
        for (int i = 0; i < 3; i++)
        {
            try { Console.WriteLine(i); if (i == 1) continue; }
            finally { Console.WriteLine("loop finally"); }
        }
        try
        {
            try { Console.WriteLine("nested"); }
            finally { Console.WriteLine("nested inner"); }
        }
        finally { Console.WriteLine("nested outer"); }
        try
        {
            Inner(1);
        }
        finally
        {
            Console.WriteLine("main finally");
        }
        return 0;
    }
}
