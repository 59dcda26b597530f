using System.Runtime.InteropServices;

namespace Kernel.Fuzz;

/// <summary>Bytes placed so that they end exactly where an unmapped page begins (and begin one unmapped page after
/// another): a read past either end is a SIGSEGV, which the fuzzer reports as a crash, instead of a silent read of
/// whatever follows. Linux only (mmap, mprotect).</summary>
public sealed unsafe class GuardedMemory : IDisposable
{
    private const int PageSize = 4096;
    private const int ProtNone = 0, ProtReadWrite = 3, MapPrivateAnonymous = 0x22;
    private readonly byte* _mapping;
    private readonly nuint _mappingSize;

    /// <param name="length">The usable bytes, rounded up to <paramref name="alignment"/> so that the start is aligned.</param>
    public GuardedMemory(int length, int alignment = 8)
    {
        Length = (length + alignment - 1) / alignment * alignment;
        nuint pages = (nuint)((Length + PageSize - 1) / PageSize);
        _mappingSize = (pages + 2) * PageSize;
        _mapping = (byte*)mmap(null, _mappingSize, ProtReadWrite, MapPrivateAnonymous, -1, 0);
        if (_mapping == (byte*)-1)
        {
            throw new OutOfMemoryException("mmap failed");
        }

        byte* end = _mapping + (pages + 1) * PageSize;
        if (mprotect(_mapping, PageSize, ProtNone) != 0 || mprotect(end, PageSize, ProtNone) != 0)
        {
            throw new InvalidOperationException("mprotect failed");
        }

        Start = end - Length;
    }

    public int Length { get; }

    public byte* Start { get; }

    public Span<byte> Span => new(Start, Length);

    /// <summary>Whether <paramref name="span"/> lies inside [<see cref="Start"/>, <see cref="Start"/> + <paramref name="limit"/>).</summary>
    public bool Contains(ReadOnlySpan<byte> span, nuint limit)
    {
        fixed (byte* p = span)
        {
            return span.IsEmpty || (p >= Start && (nuint)(p - Start) + (nuint)span.Length <= limit);
        }
    }

    public void Dispose() => munmap(_mapping, _mappingSize);

    [DllImport("libc", SetLastError = true)]
    private static extern void* mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", SetLastError = true)]
    private static extern int mprotect(void* address, nuint length, int protection);

    [DllImport("libc", SetLastError = true)]
    private static extern int munmap(void* address, nuint length);
}
