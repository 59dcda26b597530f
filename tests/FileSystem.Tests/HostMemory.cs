using System.Runtime.InteropServices;

namespace Kernel.FileSystem.Tests;

/// <summary>The page allocator's part for the host: zeroed, page-aligned native memory, never freed (as in the
/// kernel); a budget lets a test run out of it.</summary>
internal static unsafe class HostMemory
{
    [ThreadStatic]
    private static long t_budget;

    [ThreadStatic]
    private static bool t_limited;

    public static delegate*<nuint, void*> Allocator => &Allocate;

    /// <summary>Bytes the current thread may still take from now on (until <see cref="Unlimited"/>).</summary>
    public static void Limit(long bytes)
    {
        t_budget = bytes;
        t_limited = true;
    }

    public static void Unlimited() => t_limited = false;

    private static void* Allocate(nuint bytes)
    {
        if (t_limited)
        {
            if ((long)bytes > t_budget)
            {
                return null;
            }

            t_budget -= (long)bytes;
        }

        void* memory = NativeMemory.AlignedAlloc(bytes, 4096);
        NativeMemory.Clear(memory, bytes);
        return memory;
    }
}
