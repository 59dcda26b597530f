using System.Runtime.InteropServices;

namespace Kernel.Drivers.Tests.Fakes;

/// <summary>Pinned, page-aligned native memory playing the machine's RAM for DMA. The driver allocates from it
/// through <see cref="TestDma"/>; the tests take their data buffers from it too. Bus addresses are deliberately not
/// the pointers: bus = <see cref="BusBase"/> + offset in the arena, so a pointer handed to the device without
/// <c>IDmaMemory.BusAddress</c> points nowhere the fake device can reach, and shows up as a violation.
/// <para>Canaries: the arena starts filled with <see cref="Canary"/>, and every allocation is followed by
/// <see cref="GuardBytes"/> bytes nobody owns. <see cref="CheckCanaries"/> (part of <c>Rig.AssertClean</c>) finds any
/// byte outside an allocation that changed: a write past the end of the driver's queue, slots or bookkeeping, or of a
/// test's buffer.</para></summary>
public sealed unsafe partial class DmaArena : IDisposable
{
    /// <summary>Where the arena appears on the bus: page-aligned and below 2^44, so QueuePFN (32 bits) can hold it.</summary>
    public const ulong DefaultBusBase = 0x8000_0000;

    /// <summary>What every byte outside an allocation holds, and must still hold at the end of a test.</summary>
    public const byte Canary = 0xA5;

    /// <summary>Unowned bytes after every allocation, so that a write just past one lands on canaries.</summary>
    public const nuint GuardBytes = 64;

    readonly object _gate = new();
    readonly List<string> _violations = [];
    readonly List<(nuint Start, nuint Length)> _allocations = [];
    byte* _base;
    nuint _next;
    nuint _used;         // the end of the furthest allocation (and its guard bytes) since the last fill
    nuint _accessible;   // the bytes from the start that can be touched (all but with GuardUnreached)

    /// <param name="guardUnreached">Keep the part of the arena no allocation has reached yet inaccessible
    /// (<see cref="GuardUnreached"/>): any touch of it faults at once, and <see cref="CheckCanaries"/> need not scan
    /// it. For the fuzzer, which checks the canaries after every step of every input.</param>
    public DmaArena(nuint size = 1 << 20, ulong busBase = DefaultBusBase, bool guardUnreached = false)
    {
        Size = size;
        BusBase = busBase;
        GuardUnreached = guardUnreached;
        _base = guardUnreached ? MapGuarded(size) : (byte*)NativeMemory.AlignedAlloc(size, 4096);
        _accessible = guardUnreached ? 0 : size;
        // Garbage, not zeros: the driver must not rely on memory it did not ask to be zeroed.
        new Span<byte>(_base, checked((int)_accessible)).Fill(Canary);
    }

    public nuint Size { get; }

    public ulong BusBase { get; }

    /// <summary>The first byte of the arena (for the tests' own checks).</summary>
    public byte* Base => _base;

    /// <summary>Allocations served so far.</summary>
    public int AllocationCount { get; private set; }

    /// <summary>When set, allocations after this many successful ones fail (return null).</summary>
    public int? AllocationLimit { get; set; }

    /// <summary>Misuses seen: pointers from outside the arena, bad alignments.</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>How many misuses were seen (<see cref="Violations"/> without copying them).</summary>
    public int ViolationCount
    {
        get
        {
            lock (_gate)
            {
                return _violations.Count;
            }
        }
    }

    public void AddViolation(string message)
    {
        lock (_gate)
        {
            _violations.Add(message);
        }
    }

    /// <summary><see cref="Kernel.Drivers.Virtio.IDmaMemory.AllocateZeroed"/>: zeroed, aligned, or null when the
    /// arena (or <see cref="AllocationLimit"/>) is exhausted.</summary>
    public void* AllocateZeroed(nuint bytes, nuint alignment)
    {
        if (alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment > 4096)
        {
            AddViolation($"allocation alignment {alignment} is not a power of two up to 4096");
            return null;
        }

        if (AllocationLimit is int limit && AllocationCount >= limit)
        {
            return null;
        }

        nuint start = (_next + alignment - 1) & ~(alignment - 1);
        if (start > Size || bytes > Size - start)
        {
            return null;
        }

        _next = start + bytes + GuardBytes;
        _used = Math.Max(_used, Math.Min(_next, Size));
        Reach(_used);
        _allocations.Add((start, bytes));
        AllocationCount++;
        new Span<byte>(_base + start, checked((int)bytes)).Clear();
        return _base + start;
    }

    /// <summary>Makes the arena new again for the next user (the fuzzer's next input) without allocating it anew: no
    /// allocations, no violations, no limit, every byte <see cref="Canary"/>. Only the part allocations reached is
    /// filled again, so call it only when <see cref="CheckCanaries"/> found nothing: the rest still holds canaries.</summary>
    public void Reset()
    {
        new Span<byte>(_base, checked((int)_used)).Fill(Canary);
        if (GuardUnreached)
        {
            Unreach();
        }

        _used = 0;
        _next = 0;
        _allocations.Clear();
        AllocationCount = 0;
        AllocationLimit = null;
        lock (_gate)
        {
            _violations.Clear();
        }
    }

    /// <summary>The bytes outside every allocation that no longer hold <see cref="Canary"/>, as ranges of arena
    /// offsets (empty: nothing wrote outside what it was given).</summary>
    public IReadOnlyList<string> CheckCanaries()
    {
        var damaged = new List<string>();
        nuint at = 0;
        // In address order already: each allocation starts past the one before (a bump allocator).
        foreach ((nuint start, nuint length) in _allocations)
        {
            CheckGap(at, start, damaged);
            at = start + length;
        }

        CheckGap(at, _accessible, damaged);
        return damaged;
    }

    void CheckGap(nuint from, nuint to, List<string> damaged)
    {
        if (to <= from)
        {
            return;
        }

        var gap = new ReadOnlySpan<byte>(_base + from, checked((int)(to - from)));
        int first = gap.IndexOfAnyExcept(Canary);
        if (first >= 0)
        {
            int last = gap.LastIndexOfAnyExcept(Canary);
            damaged.Add($"canary damaged at arena offsets 0x{from + (nuint)first:x}..0x{from + (nuint)last:x} " +
                        $"(between allocations, {to - from} unowned bytes from 0x{from:x})");
        }
    }

    /// <summary>A buffer for the test's data, in DMA-visible memory.</summary>
    public Span<byte> AllocateBuffer(int bytes, nuint alignment = 16)
    {
        void* p = AllocateZeroed((nuint)bytes, alignment);
        if (p == null)
        {
            throw new InvalidOperationException("the DMA arena is full");
        }

        return new Span<byte>(p, bytes);
    }

    /// <summary><see cref="Kernel.Drivers.Virtio.IDmaMemory.BusAddress"/>. A pointer outside the arena is a violation
    /// (the device could not reach it) and is returned unchanged.</summary>
    public ulong BusAddress(void* pointer)
    {
        byte* p = (byte*)pointer;
        if (p < _base || p >= _base + Size)
        {
            AddViolation($"bus address asked for 0x{(ulong)p:x}, outside the DMA arena");
            return (ulong)p;
        }

        return BusBase + (ulong)(p - _base);
    }

    /// <summary>What the device does with a bus address: the pointer to <paramref name="length"/> bytes there, or null
    /// when any of them is outside the arena.</summary>
    public byte* Translate(ulong busAddress, ulong length)
    {
        if (busAddress < BusBase || length > Size || busAddress - BusBase > Size - length)
        {
            return null;
        }

        return _base + (busAddress - BusBase);
    }

    public void Dispose()
    {
        if (_base != null)
        {
            if (GuardUnreached)
            {
                Unmap(_base, Size);
            }
            else
            {
                NativeMemory.AlignedFree(_base);
            }

            _base = null;
        }
    }
}
