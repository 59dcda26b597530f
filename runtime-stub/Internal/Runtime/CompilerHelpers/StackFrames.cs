namespace Internal.Runtime.CompilerHelpers;

using System;
using System.Runtime.CompilerServices;

/// <summary>
/// The stack of a panic, walked by frame pointers (docs/abi.md, "Stack traces"). rvc compiles every function with
/// its frame pointer kept, and the boot code clears it before the first call, so the frames form a chain that ends
/// in zero. Where a frame's record is depends on the architecture:
/// <list type="bullet">
/// <item>RISC-V (psABI, "Frame pointer convention"): <c>s0</c> holds the stack pointer at the function's entry; the
/// return address is stored just below it (<c>s0 - XLEN/8</c>), the caller's <c>s0</c> below that.</item>
/// <item>x86-64 (System V): <c>rbp</c> points at the caller's <c>rbp</c>, pushed by the prologue; the return address
/// is the word above it.</item>
/// </list>
/// The guest knows no names: a panic prints return addresses, <c>   at 0x...</c>, which the launcher (or
/// <c>llvm-symbolizer-19 -e FILE.elf</c>) turns into C# methods, files and lines from the ELF's DWARF.
/// </summary>
public static unsafe class StackFrames
{
    /// <summary>At most this many frames are printed: a short stack, the innermost ones.</summary>
    public const int MaxFrames = 32;

    // A caller's frame lies above its callee's, and no frame of this runtime is larger: a chain that goes down or
    // leaps further was not written by compiled code (a register used for something else, the end of the chain).
    private const nuint MaxFrameSize = 1 << 20;

    /// <summary>The frame pointer of the method that calls this (an intrinsic: <c>llvm.frameaddress(0)</c>).</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void* FrameAddress();

    /// <summary>Follows the chain from the frame whose frame pointer is <paramref name="frame"/> and stores the return
    /// address of each frame, innermost first (the first is where <paramref name="frame"/>'s method returns to);
    /// returns how many, at most <paramref name="max"/>.</summary>
    public static int Walk(void* frame, nuint* returnAddresses, int max)
    {
        int count = 0;
        nuint fp = (nuint)frame;
        while (count < max && fp != 0 && fp % (nuint)sizeof(nuint) == 0)
        {
            nuint returnAddress;
            nuint caller;
            if (RuntimeInformation.Arch == TargetArch.Host)
            {
                caller = ((nuint*)fp)[0];
                returnAddress = ((nuint*)fp)[1];
            }
            else
            {
                returnAddress = ((nuint*)fp)[-1];
                caller = ((nuint*)fp)[-2];
            }

            if (returnAddress == 0)
            {
                break;
            }

            returnAddresses[count++] = returnAddress;
            if (caller <= fp || caller - fp > MaxFrameSize)
            {
                break;
            }

            fp = caller;
        }

        return count;
    }

    /// <summary>Prints one line per return address, <c>   at 0x80201234</c> (lower-case hex), on the console.</summary>
    public static void Print(nuint* returnAddresses, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Console.Write("   at 0x");
            WriteHex(returnAddresses[i]);
            Console.WriteLine();
        }
    }

    private static void WriteHex(nuint value)
    {
        char* digits = stackalloc char[16];
        int n = 0;
        do
        {
            int digit = (int)(value & 0xF);
            digits[n++] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
            value >>= 4;
        }
        while (value != 0);

        while (n > 0)
        {
            Console.Write(digits[--n]);
        }
    }
}
