// A throw two calls below Main, inside a try/finally: the panic's stack is the throw's, although the finally ran
// (PanicStackTests finds each line below by its text, so the comments may move them freely).
using System;

namespace Panics
{
    static class Program
    {
        static int s_calls;

        static void Inner(int n)
        {
            s_calls++;
            if (n > s_calls)
                throw new InvalidOperationException("thrown by Inner");
        }

        static void Middle(int n)
        {
            Inner(n + 1);
            Console.WriteLine("not reached");
        }

        static int Main()
        {
            Console.WriteLine("start");
            try
            {
                Middle(s_calls + 2);
            }
            finally
            {
                Console.WriteLine("finally");
            }

            return 0;
        }
    }
}
