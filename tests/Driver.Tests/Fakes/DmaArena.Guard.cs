using System.Runtime.InteropServices;

namespace Kernel.Drivers.Tests.Fakes;

/// <summary>The arena's optional guard (<see cref="GuardUnreached"/>): the part no allocation has reached is mapped
/// without access, opened a page at a time as allocations reach it, and closed again by <see cref="Reset"/> past what
/// the last user reached. A write there (or a read) is a SIGSEGV at the faulting instruction instead of a damaged canary
/// found by scanning hundreds of kilobytes after every step. Linux only (mmap, mprotect).</summary>
public sealed unsafe partial class DmaArena
{
    /// <summary>How much of the unreached part is opened at once: a page, the unit of protection.</summary>
    const nuint GuardChunk = 4 << 10;

    const int ProtNone = 0, ProtReadWrite = 3, MapPrivateAnonymous = 0x22;

    /// <summary>The unreached part of the arena is inaccessible (see the constructor).</summary>
    public bool GuardUnreached { get; }

    static byte* MapGuarded(nuint size)
    {
        if (size % 4096 != 0)
        {
            throw new ArgumentException("a guarded arena is a whole number of pages", nameof(size));
        }

        byte* mapping = (byte*)mmap(null, size, ProtNone, MapPrivateAnonymous, -1, 0);
        return mapping == (byte*)-1 ? throw new OutOfMemoryException("mmap failed") : mapping;
    }

    /// <summary>Opens the arena up to at least <paramref name="end"/> bytes from its start, the new part filled with
    /// canaries.</summary>
    void Reach(nuint end)
    {
        if (end <= _accessible)
        {
            return;
        }

        nuint to = Math.Min((end + GuardChunk - 1) & ~(GuardChunk - 1), Size);
        if (mprotect(_base + _accessible, to - _accessible, ProtReadWrite) != 0)
        {
            throw new InvalidOperationException("mprotect failed");
        }

        new Span<byte>(_base + _accessible, checked((int)(to - _accessible))).Fill(Canary);
        _accessible = to;
    }

    /// <summary>Closes what was opened past the pages the last user reached (the next user's allocations open it
    /// again as they reach it), so the part scanned after every step stays close to what is in use.</summary>
    void Unreach()
    {
        nuint keep = (_used + 4095) & ~(nuint)4095;
        if (_accessible <= keep)
        {
            return;
        }

        if (mprotect(_base + keep, _accessible - keep, ProtNone) != 0)
        {
            throw new InvalidOperationException("mprotect failed");
        }

        _accessible = keep;
    }

    static void Unmap(byte* mapping, nuint size) => munmap(mapping, size);

    [DllImport("libc", SetLastError = true)]
    static extern void* mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", SetLastError = true)]
    static extern int mprotect(void* address, nuint length, int protection);

    [DllImport("libc", SetLastError = true)]
    static extern int munmap(void* address, nuint length);
}
