using System;

// A call or a field access through a null reference throws NullReferenceException, as on CoreCLR, on every
// target (RISC-V M-mode has readable memory at address 0: the check is explicit).
class Program
{
    sealed class Failure : Exception
    {
        public int Code;

        public Failure(int code)
            : base("failure")
        {
            Code = code;
        }
    }

    static string? Name(int i) => i > 2 ? null : "abc";

    static Failure? Find(int i) => i == 0 ? new Failure(42) : null;

    static int Main()
    {
        Console.WriteLine(Name(1)!.Length);
        Console.WriteLine(Find(0)!.Code);
        string? s = Name(5);
        Console.WriteLine(s is null);
        Console.WriteLine(s!.Length);
        return 0;
    }
}
