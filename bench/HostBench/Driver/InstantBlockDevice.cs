using System.Runtime.InteropServices;
using System.Threading;
using Kernel.Drivers.Virtio;

namespace Rvc.HostBench.Driver;

/// <summary>The least a legacy virtio-mmio block device (virtio 1.x 4.2.4, version 1) can do, for measuring the
/// driver's own cost: on every QueueNotify it takes the new chains off the available ring, writes VIRTIO_BLK_S_OK into
/// each chain's last descriptor, and publishes a used element (len: the chain's device-writable bytes, as QEMU
/// reports) at once. It moves no data and checks nothing: the tests' fake device (tests/Driver.Tests/Fakes) is the one
/// that checks the specification. Its own work per request (reading the ring, walking a chain of three descriptors,
/// two stores and an index update) is a few nanoseconds, and is included in what the benchmarks report.</summary>
public sealed unsafe class InstantBlockDevice(BenchArena memory, ulong capacitySectors, uint queueNumMax = 1024)
{
    uint _status;
    uint _guestPageSize;
    uint _queueNum;
    uint _queueAlign;
    VirtqDesc* _desc;
    ushort* _avail;
    byte* _used;
    ushort _lastAvail;
    ushort _usedIdx;

    /// <summary>Requests completed so far.</summary>
    public long Completed { get; private set; }

    public uint Read32(uint offset)
    {
        switch (offset)
        {
            case VirtioMmio.MagicValue:
                return VirtioMmio.Magic;
            case VirtioMmio.Version:
                return VirtioMmio.VersionLegacy;
            case VirtioMmio.DeviceID:
                return VirtioMmio.DeviceIdBlock;
            case VirtioMmio.VendorID:
                return 0x554d4551;
            case VirtioMmio.HostFeatures:
                return 0;   // nothing optional: one data descriptor per request whatever its size
            case VirtioMmio.QueueNumMax:
                return queueNumMax;
            case VirtioMmio.QueuePFN:
                return _desc == null ? 0u : 1u;
            case VirtioMmio.InterruptStatus:
                return 0;
            case VirtioMmio.Status:
                return _status;
            case VirtioMmio.Config + VirtioBlkConfig.Capacity:
                return (uint)capacitySectors;
            case VirtioMmio.Config + VirtioBlkConfig.Capacity + 4:
                return (uint)(capacitySectors >> 32);
            default:
                return 0;
        }
    }

    public byte Read8(uint offset) => 0;

    public void Write32(uint offset, uint value)
    {
        switch (offset)
        {
            case VirtioMmio.QueueNotify:
                Notify();
                break;
            case VirtioMmio.Status:
                _status = value;
                if (value == 0)
                {
                    _desc = null;
                    _avail = null;
                    _used = null;
                    _lastAvail = 0;
                    _usedIdx = 0;
                }

                break;
            case VirtioMmio.GuestPageSize:
                _guestPageSize = value;
                break;
            case VirtioMmio.QueueNum:
                _queueNum = value;
                break;
            case VirtioMmio.QueueAlign:
                _queueAlign = value;
                break;
            case VirtioMmio.QueuePFN:
                byte* area = memory.Translate((ulong)value * _guestPageSize);
                _desc = (VirtqDesc*)area;
                _avail = (ushort*)(area + 16 * _queueNum);
                _used = area + ((16 * _queueNum + 6 + 2 * _queueNum + _queueAlign - 1) & ~(_queueAlign - 1));
                break;
        }
    }

    void Notify()
    {
        ushort availIdx = Volatile.Read(ref _avail[1]);
        Interlocked.MemoryBarrier();
        uint n = _queueNum;
        while (_lastAvail != availIdx)
        {
            ushort head = Volatile.Read(ref _avail[2 + _lastAvail % n]);
            _lastAvail++;

            // To the chain's last descriptor: the status byte.
            uint index = head;
            uint writable = 0;
            VirtqDesc* d;
            while (true)
            {
                d = _desc + index;
                if ((d->Flags & VirtqDesc.VIRTQ_DESC_F_WRITE) != 0)
                {
                    writable += d->Len;
                }

                if ((d->Flags & VirtqDesc.VIRTQ_DESC_F_NEXT) == 0)
                {
                    break;
                }

                index = d->Next;
            }

            *memory.Translate(d->Addr) = VirtioBlkStatus.VIRTIO_BLK_S_OK;
            VirtqUsedElem* element = (VirtqUsedElem*)(_used + 4) + _usedIdx % n;
            element->Id = head;
            element->Len = writable;
            Interlocked.MemoryBarrier();   // the element before the index
            _usedIdx++;
            Volatile.Write(ref *(ushort*)(_used + 2), _usedIdx);
            Completed++;
        }
    }
}

/// <summary>Pinned, page-aligned native memory that plays the machine's RAM; bus address = 0x8000_0000 + offset, so
/// that a legacy QueuePFN (a 32-bit page number) can hold it wherever the host put the memory.</summary>
public sealed unsafe class BenchArena : IDisposable
{
    const ulong BusBase = 0x8000_0000;
    byte* _base;
    nuint _next;

    public BenchArena(nuint size)
    {
        Size = size;
        _base = (byte*)NativeMemory.AlignedAlloc(size, 4096);
        new Span<byte>(_base, checked((int)size)).Clear();
    }

    public nuint Size { get; }

    public void* AllocateZeroed(nuint bytes, nuint alignment)
    {
        nuint start = (_next + alignment - 1) & ~(alignment - 1);
        if (start > Size || bytes > Size - start)
        {
            return null;
        }

        _next = start + bytes;
        new Span<byte>(_base + start, checked((int)bytes)).Clear();
        return _base + start;
    }

    public ulong BusAddress(void* pointer) => BusBase + (ulong)((byte*)pointer - _base);

    public byte* Translate(ulong bus) => _base + (bus - BusBase);

    public void Dispose()
    {
        if (_base != null)
        {
            NativeMemory.AlignedFree(_base);
            _base = null;
        }
    }
}

/// <summary>The driver's register window: a struct, as in the kernel, over the device.</summary>
public readonly struct BenchRegisters(InstantBlockDevice device) : IMmioRegisters
{
    public uint Read32(uint offset) => device.Read32(offset);

    public void Write32(uint offset, uint value) => device.Write32(offset, value);

    public byte Read8(uint offset) => device.Read8(offset);

    public void Write8(uint offset, byte value)
    {
        // Offers no feature with a writable configuration field: nothing to do.
    }
}

/// <summary>The driver's DMA memory: a struct over the arena.</summary>
public readonly unsafe struct BenchDma(BenchArena arena) : IDmaMemory
{
    public void* AllocateZeroed(nuint bytes, nuint alignment) => arena.AllocateZeroed(bytes, alignment);

    public ulong BusAddress(void* pointer) => arena.BusAddress(pointer);
}
