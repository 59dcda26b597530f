// [Flags] enums: combining, masking, testing with &, clearing with & ~, toggling with ^, counting bits,
// and a permission check as a kernel would do.
using System;

[Flags]
enum Access : byte
{
    None = 0,
    Read = 1,
    Write = 2,
    Execute = 4,
    User = 8,
    All = Read | Write | Execute | User,
}

[Flags]
enum PageFlags : ulong
{
    Present = 1UL << 0,
    Writable = 1UL << 1,
    UserMode = 1UL << 2,
    Accessed = 1UL << 5,
    Dirty = 1UL << 6,
    NoExecute = 1UL << 63,
}

class Program
{
    static bool Allowed(Access granted, Access wanted) => (granted & wanted) == wanted;

    static int CountBits(ulong v)
    {
        int n = 0;
        while (v != 0) { v &= v - 1; n++; }
        return n;
    }

    static void Describe(Access a)
    {
        Console.Write((a & Access.Read) != 0 ? 'r' : '-');
        Console.Write((a & Access.Write) != 0 ? 'w' : '-');
        Console.Write((a & Access.Execute) != 0 ? 'x' : '-');
        Console.Write((a & Access.User) != 0 ? 'u' : '-');
        Console.WriteLine();
    }

    static int Main()
    {
        Access a = Access.Read | Access.Execute;
        Describe(a);
        a |= Access.Write;
        Describe(a);
        a &= ~Access.Execute;
        Describe(a);
        a ^= Access.User | Access.Read;
        Describe(a);
        Describe(Access.All);
        Describe(~Access.All);
        Console.WriteLine((int)~Access.Read);
        Console.WriteLine(Allowed(Access.All, Access.Read | Access.Write));
        Console.WriteLine(Allowed(Access.Read, Access.Read | Access.Write));
        Console.WriteLine(Allowed(Access.None, Access.None));

        PageFlags pte = PageFlags.Present | PageFlags.Writable | PageFlags.NoExecute;
        Console.WriteLine((ulong)pte);
        pte |= PageFlags.Accessed | PageFlags.Dirty;
        Console.WriteLine(CountBits((ulong)pte));
        Console.WriteLine((pte & PageFlags.NoExecute) != 0);
        Console.WriteLine((pte & PageFlags.UserMode) == 0);
        ulong frame = 0x8020_0000;
        ulong entry = (frame >> 12 << 10) | (ulong)(pte & ~PageFlags.NoExecute);
        Console.WriteLine(entry);
        PageFlags decoded = (PageFlags)(entry & 0x3FF);
        Console.WriteLine((ulong)decoded);
        return 0;
    }
}
