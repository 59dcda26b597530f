namespace Internal.Runtime.CompilerHelpers;

using System.Runtime.InteropServices;

/// <summary>
/// The C memory functions LLVM lowers block copies and fills to (docs/abi.md). The compiler
/// gives these methods "no-builtins", so LLVM does not turn the loops back into calls to
/// themselves. Word-at-a-time when both pointers are word-aligned, bytes otherwise.
/// </summary>
public static unsafe class MemoryHelpers
{
    [UnmanagedCallersOnly(EntryPoint = "memcpy")]
    public static void* Memcpy(void* destination, void* source, nuint count)
    {
        CopyForward((byte*)destination, (byte*)source, count);
        return destination;
    }

    [UnmanagedCallersOnly(EntryPoint = "memmove")]
    public static void* Memmove(void* destination, void* source, nuint count)
    {
        byte* d = (byte*)destination;
        byte* s = (byte*)source;
        if (d <= s || d >= s + count)
        {
            // No overlap, or the destination starts first: a forward copy never
            // overwrites source bytes it has yet to read.
            CopyForward(d, s, count);
        }
        else
        {
            while (count != 0)
            {
                count--;
                d[count] = s[count];
            }
        }

        return destination;
    }

    [UnmanagedCallersOnly(EntryPoint = "memset")]
    public static void* Memset(void* destination, int value, nuint count)
    {
        byte* d = (byte*)destination;
        byte b = (byte)value;
        if (((nuint)d & WordMask) == 0)
        {
            // The byte in every byte of a word: b * 0x0101...01.
            nuint pattern = b * (~(nuint)0 / 0xFF);
            while (count >= (nuint)sizeof(nuint))
            {
                *(nuint*)d = pattern;
                d += sizeof(nuint);
                count -= (nuint)sizeof(nuint);
            }
        }

        for (nuint i = 0; i < count; i++)
        {
            d[i] = b;
        }

        return destination;
    }

    [UnmanagedCallersOnly(EntryPoint = "memcmp")]
    public static int Memcmp(void* left, void* right, nuint count)
    {
        byte* l = (byte*)left;
        byte* r = (byte*)right;
        for (nuint i = 0; i < count; i++)
        {
            if (l[i] != r[i])
            {
                // As in C: the difference of the first differing bytes, as unsigned char.
                return l[i] - r[i];
            }
        }

        return 0;
    }

    private static nuint WordMask => (nuint)sizeof(nuint) - 1;

    private static void CopyForward(byte* d, byte* s, nuint count)
    {
        if ((((nuint)d | (nuint)s) & WordMask) == 0)
        {
            while (count >= (nuint)sizeof(nuint))
            {
                *(nuint*)d = *(nuint*)s;
                d += sizeof(nuint);
                s += sizeof(nuint);
                count -= (nuint)sizeof(nuint);
            }
        }

        for (nuint i = 0; i < count; i++)
        {
            d[i] = s[i];
        }
    }
}
