namespace Internal.Runtime.CompilerHelpers;

using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.RiscV;
using System.Threading;

/// <summary>
/// The 64-bit atomics of libatomic's sized interface, which LLVM calls on rv32 (the A extension has no 64-bit
/// AMOs there); exported on every target, used only on rv32. Each runs under one global spin lock (a 32-bit
/// compare-and-swap, which rv32 has) with machine interrupts off, so it is atomic with respect to every other
/// 64-bit atomic operation, on any hart and in interrupt handlers. Every ordering is treated as seq_cst.
/// </summary>
public static unsafe class AtomicHelpers
{
    private const nuint MachineInterruptEnable = 1 << 3; // mstatus.MIE

    private static int s_lock;

    [UnmanagedCallersOnly(EntryPoint = "__atomic_load_8")]
    public static ulong Load(ulong* location, int order)
    {
        nuint saved = Acquire();
        ulong value = *location;
        Release(saved);
        return value;
    }

    [UnmanagedCallersOnly(EntryPoint = "__atomic_store_8")]
    public static void Store(ulong* location, ulong value, int order)
    {
        nuint saved = Acquire();
        *location = value;
        Release(saved);
    }

    [UnmanagedCallersOnly(EntryPoint = "__atomic_exchange_8")]
    public static ulong Exchange(ulong* location, ulong value, int order)
    {
        nuint saved = Acquire();
        ulong old = *location;
        *location = value;
        Release(saved);
        return old;
    }

    /// <summary>Stores <paramref name="desired"/> when the location holds *expected; otherwise writes what it holds to *expected.</summary>
    [UnmanagedCallersOnly(EntryPoint = "__atomic_compare_exchange_8")]
    public static byte CompareExchange(ulong* location, ulong* expected, ulong desired, int success, int failure)
    {
        nuint saved = Acquire();
        ulong old = *location;
        bool equal = old == *expected;
        if (equal)
        {
            *location = desired;
        }
        else
        {
            *expected = old;
        }

        Release(saved);
        return equal ? (byte)1 : (byte)0;
    }

    [UnmanagedCallersOnly(EntryPoint = "__atomic_fetch_add_8")]
    public static ulong FetchAdd(ulong* location, ulong value, int order) => Update(location, value, 0);

    [UnmanagedCallersOnly(EntryPoint = "__atomic_fetch_sub_8")]
    public static ulong FetchSub(ulong* location, ulong value, int order) => Update(location, value, 1);

    [UnmanagedCallersOnly(EntryPoint = "__atomic_fetch_and_8")]
    public static ulong FetchAnd(ulong* location, ulong value, int order) => Update(location, value, 2);

    [UnmanagedCallersOnly(EntryPoint = "__atomic_fetch_or_8")]
    public static ulong FetchOr(ulong* location, ulong value, int order) => Update(location, value, 3);

    [UnmanagedCallersOnly(EntryPoint = "__atomic_fetch_xor_8")]
    public static ulong FetchXor(ulong* location, ulong value, int order) => Update(location, value, 4);

    private static ulong Update(ulong* location, ulong value, int operation)
    {
        nuint saved = Acquire();
        ulong old = *location;
        *location = operation switch
        {
            0 => old + value,
            1 => old - value,
            2 => old & value,
            3 => old | value,
            _ => old ^ value,
        };
        Release(saved);
        return old;
    }

    /// <summary>Machine interrupts off (RISC-V), then the lock; returns the previous mstatus.MIE.</summary>
    private static nuint Acquire()
    {
        nuint saved = 0;
        if (RuntimeInformation.Arch != TargetArch.Host)
        {
            saved = Rv.ReadCsr(Csr.Mstatus) & MachineInterruptEnable;
            Rv.ClearCsr(Csr.Mstatus, MachineInterruptEnable);
        }

        while (Interlocked.CompareExchange(ref s_lock, 1, 0) != 0)
        {
        }

        return saved;
    }

    private static void Release(nuint saved)
    {
        Interlocked.Exchange(ref s_lock, 0);
        if (saved != 0)
        {
            Rv.SetCsr(Csr.Mstatus, saved);
        }
    }
}
