using System.Runtime.InteropServices;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>The descriptor free list of <see cref="SplitVirtqueue"/>: chains of any length taken and returned in any order.</summary>
public unsafe class VirtqueueTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(128)]
    [InlineData(1024)]
    public void ChainsTakenAndFreedInAnyOrderNeverShareADescriptor(int size)
    {
        nuint bytes = VirtqLegacyLayout.TotalSize((uint)size, 4096);
        byte* area = (byte*)NativeMemory.AlignedAlloc(bytes + SplitVirtqueue.PrivateBytes((uint)size), 4096);
        try
        {
            new Span<byte>(area, (int)bytes).Clear();
            var queue = SplitVirtqueue.Create((VirtqDesc*)area, (VirtqAvail*)(area + VirtqLegacyLayout.AvailOffset((uint)size)),
                (VirtqUsed*)(area + VirtqLegacyLayout.UsedOffset((uint)size, 4096)), (ushort*)(area + bytes), (ushort)size);
            var random = new Random(size);
            var owner = new int[size];
            Array.Fill(owner, -1);
            var chains = new List<(ushort Head, int Length)>();
            for (int step = 0; step < 10_000; step++)
            {
                if (chains.Count != 0 && (random.Next(2) == 0 || queue.FreeCount == 0))
                {
                    int pick = random.Next(chains.Count);
                    (ushort head, int length) = chains[pick];
                    chains.RemoveAt(pick);
                    foreach (ushort index in Walk(ref queue, head, length))
                    {
                        owner[index] = -1;
                    }

                    queue.FreeChain(head);
                    continue;
                }

                int want = 1 + random.Next(Math.Min(size, 20));
                int freeBefore = queue.FreeCount;
                bool took = queue.TryStartChain(want, out ushort first);
                Assert.Equal(want <= freeBefore, took);
                if (!took)
                {
                    continue;
                }

                // Fill it as the driver does; the device follows VIRTQ_DESC_F_NEXT through the table.
                for (int i = 0; i < want; i++)
                {
                    queue.AddDescriptor(0x1000ul * (ulong)i, 16, deviceWrites: i == want - 1);
                }

                List<ushort> indices = DeviceWalk((VirtqDesc*)area, first, size);
                Assert.Equal(want, indices.Count);
                foreach (ushort index in indices)
                {
                    Assert.InRange(index, 0, size - 1);
                    Assert.Equal(-1, owner[index]);
                    owner[index] = first;
                }

                Assert.Equal(indices, Walk(ref queue, first, want));
                chains.Add((first, want));
            }

            foreach ((ushort head, _) in chains)
            {
                queue.FreeChain(head);
            }

            Assert.Equal(size, queue.FreeCount);
            Assert.True(queue.TryTakeChain(size, out ushort all));
            var every = new HashSet<ushort> { all };
            for (ushort i = 1, at = all; i < size; i++)
            {
                at = queue.NextOf(at);
                every.Add(at);
            }

            Assert.Equal(size, every.Count);
            Assert.False(queue.TryTakeChain(1, out _));
            Assert.False(queue.TryTakeChain(0, out _));
        }
        finally
        {
            NativeMemory.AlignedFree(area);
        }
    }

    /// <summary>The chain from <paramref name="head"/> as the device walks it: VIRTQ_DESC_F_NEXT and next in the
    /// table (at most <paramref name="size"/> steps).</summary>
    static List<ushort> DeviceWalk(VirtqDesc* table, ushort head, int size)
    {
        var indices = new List<ushort> { head };
        for (ushort at = head; (table[at].Flags & VirtqDesc.VIRTQ_DESC_F_NEXT) != 0 && indices.Count <= size;)
        {
            at = table[at].Next;
            indices.Add(at);
        }

        return indices;
    }

    /// <summary>The chain from <paramref name="head"/> by the driver's private links.</summary>
    static List<ushort> Walk(ref SplitVirtqueue queue, ushort head, int expectedLength)
    {
        var indices = new List<ushort> { head };
        ushort at = head;
        for (int i = 1; i < expectedLength; i++)
        {
            at = queue.NextOf(at);
            indices.Add(at);
        }

        return indices;
    }
}
