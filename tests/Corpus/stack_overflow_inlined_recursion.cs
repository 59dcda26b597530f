using System;
using System.Runtime.CompilerServices;

// A method marked AggressiveInlining that calls itself cannot be inlined into itself: it keeps its entry stack
// check (rvc drops the check only in AggressiveInlining methods that do not recurse), so unbounded recursion ends
// with "Stack overflow." and status 134, as on CoreCLR.
class Program
{
    static int depth;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Recurse(int n, ref int previous)
    {
        // A reference to this frame's local goes down: the call cannot become a loop (tail recursion elimination).
        int mine = (n & 3) + previous;
        depth++;
        return Recurse(n + 1, ref mine) + mine;
    }

    static int Main()
    {
        Console.WriteLine("before");
        int start = 0;
        int r = Recurse(0, ref start);
        Console.WriteLine(r);
        return 0;
    }
}
