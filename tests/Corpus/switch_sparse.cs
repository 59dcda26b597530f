// Sparse switches (binary search or compare chains) on int, long and uint, relational and logical patterns,
// switch expressions with when clauses, and property patterns on structs.
using System;

struct Request
{
    public int Code;
    public int Size;
}

class Program
{
    static int Sparse(int x)
    {
        switch (x)
        {
            case -1000000: return 1;
            case -7: return 2;
            case 0: return 3;
            case 13: return 4;
            case 1024: return 5;
            case 65536: return 6;
            case 1000000007: return 7;
            case int.MaxValue: return 8;
            default: return 0;
        }
    }

    static int SparseLong(long x) => x switch
    {
        long.MinValue => 1,
        -1 => 2,
        0x1_0000_0000 => 3,
        0x7FFF_FFFF_FFFF => 4,
        long.MaxValue => 5,
        _ => 0,
    };

    static string Syscall(uint number) => number switch
    {
        63 => "read",
        64 => "write",
        93 => "exit",
        172 => "getpid",
        214 => "brk",
        0xFFFF_FFFF => "invalid",
        _ => "unknown",
    };

    static string Bucket(int x) => x switch
    {
        < 0 => "negative",
        0 => "zero",
        >= 1 and <= 9 => "digit",
        10 or 100 or 1000 => "power",
        > 9 and < 100 when x % 2 == 0 => "even-small",
        > 9 and < 100 => "odd-small",
        _ => "large",
    };

    static int Route(Request r) => r switch
    {
        { Code: 200, Size: 0 } => 1,
        { Code: 200 } => 2,
        { Code: >= 400 and < 500, Size: > 1000 } => 3,
        { Code: >= 400 and < 500 } => 4,
        _ => 5,
    };

    static int Main()
    {
        Console.Write(Sparse(-1000000)); Console.Write(Sparse(-7)); Console.Write(Sparse(0)); Console.Write(Sparse(13));
        Console.Write(Sparse(1024)); Console.Write(Sparse(65536)); Console.Write(Sparse(1000000007)); Console.Write(Sparse(int.MaxValue));
        Console.Write(Sparse(12)); Console.Write(Sparse(int.MinValue)); Console.Write(Sparse(1025));
        Console.WriteLine();
        Console.Write(SparseLong(long.MinValue)); Console.Write(SparseLong(-1)); Console.Write(SparseLong(0x1_0000_0000));
        Console.Write(SparseLong(0x7FFF_FFFF_FFFF)); Console.Write(SparseLong(long.MaxValue)); Console.Write(SparseLong(0xFFFF_FFFF));
        Console.Write(SparseLong(0));
        Console.WriteLine();
        Console.WriteLine(Syscall(63)); Console.WriteLine(Syscall(93)); Console.WriteLine(Syscall(214));
        Console.WriteLine(Syscall(uint.MaxValue)); Console.WriteLine(Syscall(65));
        Console.WriteLine(Bucket(-5)); Console.WriteLine(Bucket(0)); Console.WriteLine(Bucket(7)); Console.WriteLine(Bucket(100));
        Console.WriteLine(Bucket(42)); Console.WriteLine(Bucket(43)); Console.WriteLine(Bucket(500));
        Request r;
        r.Code = 200; r.Size = 0; Console.Write(Route(r));
        r.Size = 5; Console.Write(Route(r));
        r.Code = 404; r.Size = 5000; Console.Write(Route(r));
        r.Size = 10; Console.Write(Route(r));
        r.Code = 500; Console.Write(Route(r));
        Console.WriteLine();
        return 0;
    }
}
