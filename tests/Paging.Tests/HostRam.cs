using System.Runtime.InteropServices;

namespace Kernel.Memory.Paging.Tests;

/// <summary>
/// Host memory standing for physical RAM at <see cref="Base"/> (QEMU virt's 0x80000000): page-aligned, handed out
/// page by page for the tables, and counting what is in use, so that a test can see tables given back.
/// </summary>
public sealed unsafe class HostRam : IDisposable
{
    public const ulong Base = 0x8000_0000;
    public const ulong PageSize = 4096;

    private readonly byte* _memory;
    private readonly int _pages;
    private readonly bool[] _used;

    public HostRam(int pages)
    {
        _pages = pages;
        _memory = (byte*)NativeMemory.AlignedAlloc((nuint)(pages * (int)PageSize), (nuint)PageSize);
        _used = new bool[pages];
    }

    public int PagesInUse => _used.Count(u => u);

    public ulong Allocate()
    {
        for (int i = 0; i < _pages; i++)
        {
            if (!_used[i])
            {
                _used[i] = true;
                new Span<byte>(_memory + i * (int)PageSize, (int)PageSize).Clear();
                return Base + (ulong)i * PageSize;
            }
        }
        return 0;
    }

    public void Free(ulong physical)
    {
        int index = (int)((physical - Base) / PageSize);
        Assert.True(physical % PageSize == 0 && index >= 0 && index < _pages && _used[index], $"freeing 0x{physical:x}, not an allocated page");
        _used[index] = false;
    }

    public byte* Access(ulong physical)
    {
        Assert.True(physical >= Base && physical < Base + (ulong)_pages * PageSize, $"0x{physical:x} is outside the test's RAM");
        return _memory + (physical - Base);
    }

    public ulong Read64(ulong physical) => *(ulong*)Access(physical);

    public uint Read32(ulong physical) => *(uint*)Access(physical);

    public void Dispose() => NativeMemory.AlignedFree(_memory);
}

/// <summary>The page tables' view of <see cref="HostRam"/>.</summary>
public readonly unsafe struct HostTableMemory(HostRam ram) : IPageTableMemory
{
    public ulong AllocatePage() => ram.Allocate();

    public void FreePage(ulong physical) => ram.Free(physical);

    public byte* Access(ulong physical) => ram.Access(physical);
}
