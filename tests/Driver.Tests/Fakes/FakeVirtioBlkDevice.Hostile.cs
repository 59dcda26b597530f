using System.Threading;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests.Fakes;

/// <summary>The fake device's hostile side: on the test's command it breaks the virtqueue protocol the way a buggy or
/// malicious device could, writing the used ring (and the descriptor table) as no conforming device would. It never
/// writes outside the buffers the driver gave it: it lies, it does not scribble on memory it was not given (except
/// the descriptor table, with <see cref="ScribbleDescriptors"/>, which it can reach anyway). The tests check that the
/// driver reports an error, stays within its own memory, completes no request twice and stays safe afterwards.</summary>
public sealed unsafe partial class FakeVirtioBlkDevice
{
    /// <summary>When set, the len of every used element is this function of (head, bytes really written) instead of
    /// the bytes really written: e.g. more than the request's device-writable buffers hold.</summary>
    public Func<ushort, uint, uint>? UsedLenLie { get; set; }

    /// <summary>When set, after executing a chain (before publishing it as used) the device overwrites the chain's
    /// descriptors with garbage: next fields out of range or pointing into other chains, VIRTQ_DESC_F_NEXT set,
    /// addresses and lengths nowhere. A conforming device never writes the descriptor table.</summary>
    public bool ScribbleDescriptors { get; set; }

    /// <summary>The randomness of <see cref="ScribbleDescriptors"/>.</summary>
    public Random ScribbleRandom { get; set; } = new(77);

    /// <summary>How many descriptors <see cref="ScribbleDescriptors"/> overwrote.</summary>
    public int DescriptorsScribbled { get; private set; }

    /// <summary>Writes one used-ring element (<paramref name="id"/>, <paramref name="len"/>) and moves used->idx past
    /// it, without executing anything: an element for a request not in flight, a descriptor that heads no chain, an
    /// id out of range, or a request completed a second time. Raises the used-buffer interrupt like a real
    /// completion. False when the device has no live queue (e.g. the driver reset it).</summary>
    public bool PublishRawUsed(uint id, uint len)
    {
        lock (_gate)
        {
            if (Packed)
            {
                // A packed used descriptor holds a 16-bit id: a larger one is cut, as the device would have to.
                return PublishRawPackedUsed((ushort)id, len, PackedUsedFlags(len));
            }

            if ((_status & VirtioDeviceStatus.DriverOk) == 0 || !QueueAreas(out _, out byte* avail, out byte* used, out uint n))
            {
                return false;
            }

            VirtqUsedElem* element = (VirtqUsedElem*)(used + 4) + _usedIdx % n;
            Volatile.Write(ref element->Id, id);
            Volatile.Write(ref element->Len, len);
            Interlocked.MemoryBarrier();
            ushort old = _usedIdx;
            _usedIdx++;
            Volatile.Write(ref *(ushort*)(used + 2), _usedIdx);
            Interlocked.MemoryBarrier();
            SignalUsed(avail, n, old, _usedIdx);
            return true;
        }
    }

    /// <summary>Moves used->idx by <paramref name="delta"/> (modulo 65536) without writing any element: ahead by more
    /// than the requests in flight or the queue size, or backwards. The ring's elements stay as they were (stale
    /// entries of earlier completions). False when the device has no live queue.</summary>
    public bool MoveUsedIdx(int delta)
    {
        lock (_gate)
        {
            if (Packed)
            {
                throw new InvalidOperationException("the packed ring has no used index (PublishRawPackedUsed writes slots)");
            }

            if ((_status & VirtioDeviceStatus.DriverOk) == 0 || !QueueAreas(out _, out byte* avail, out byte* used, out uint n))
            {
                return false;
            }

            // A hostile device interrupts whatever used_event says.
            _usedIdx = unchecked((ushort)(_usedIdx + delta));
            Interlocked.MemoryBarrier();
            Volatile.Write(ref *(ushort*)(used + 2), _usedIdx);
            Interlocked.MemoryBarrier();
            InterruptsRaised++;
            _interruptStatus |= VirtioMmio.InterruptUsedBuffer;
            return true;
        }
    }

    /// <summary>Completes the pending request at <paramref name="head"/> as usual, then publishes a second used
    /// element with the same id: one request completed twice in one batch.</summary>
    public void CompleteHeadTwice(ushort head, uint secondLen = 1)
    {
        lock (_gate)
        {
            CompleteHead(head);
            PublishRawUsed(head, secondLen);
        }
    }

    /// <summary>The descriptor indexes of the pending chain at <paramref name="head"/>, as the device took it.</summary>
    public IReadOnlyList<ushort> ChainOf(ushort head)
    {
        lock (_gate)
        {
            return [.. _pending.Single(p => p.Head == head).Descriptors.Select(d => d.Index)];
        }
    }

    /// <summary>Executes a chain (<see cref="ProcessChain"/>), then, with <see cref="ScribbleDescriptors"/>, overwrites
    /// its descriptors.</summary>
    uint Execute(VirtqDesc* desc, uint n, ushort head)
    {
        uint written = ProcessChain(desc, n, head);
        if (ScribbleDescriptors)
        {
            uint index = head;
            for (uint count = 0; index < n && count < n; count++)
            {
                VirtqDesc* d = desc + index;
                ushort flags = Volatile.Read(ref d->Flags);
                ushort next = Volatile.Read(ref d->Next);
                Volatile.Write(ref d->Addr, 0xdead_0000_0000ul | (uint)ScribbleRandom.Next());
                Volatile.Write(ref d->Len, uint.MaxValue - (uint)ScribbleRandom.Next(16));
                Volatile.Write(ref d->Flags, (ushort)(VirtqDesc.VIRTQ_DESC_F_NEXT | VirtqDesc.VIRTQ_DESC_F_WRITE));
                // Out of range, or some other descriptor (maybe one in flight, maybe this one: a loop).
                Volatile.Write(ref d->Next, ScribbleRandom.Next(2) == 0 ? (ushort)(n + (uint)ScribbleRandom.Next(0x10000 - (int)n)) : (ushort)ScribbleRandom.Next((int)n));
                DescriptorsScribbled++;
                if ((flags & VirtqDesc.VIRTQ_DESC_F_NEXT) == 0)
                {
                    break;
                }

                index = next;
            }
        }

        return written;
    }
}
