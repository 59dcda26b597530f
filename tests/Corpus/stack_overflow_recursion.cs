using System;

// Unbounded recursion ends with "Stack overflow." and status 134, as on CoreCLR, on every target (the RISC-V
// stack is 64 KiB, the host's the process's stack limit): no hang, no crash into other memory.
class Program
{
    static int depth;

    static int Recurse(int n)
    {
        depth++;
        Span<int> local = stackalloc int[8];
        local[n & 7] = n;
        return Recurse(n + 1) + local[(n + 1) & 7];
    }

    static int Main()
    {
        Console.WriteLine("before");
        int r = Recurse(0);
        Console.WriteLine(r);
        return 0;
    }
}
