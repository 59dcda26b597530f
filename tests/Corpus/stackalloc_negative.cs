using System;

// stackalloc with a negative count is a request for more stack than exists: CoreCLR reports "Stack overflow."
// and exits with 134; so does rvc on every target, instead of hanging or writing over memory.
class Program
{
    static int Count(int n) => n - 5;

    static unsafe int Main()
    {
        byte* small = stackalloc byte[Count(9)];
        small[3] = 7;
        Console.WriteLine(small[3]);
        byte* p = stackalloc byte[Count(4)];
        p[0] = 1;
        Console.WriteLine(p[0]);
        return 0;
    }
}
