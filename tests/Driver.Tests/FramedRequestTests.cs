using System.Runtime.InteropServices;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary><see cref="IVirtqueue.TryAddFramed"/>, the block driver's one-call request, against the general calls
/// it stands for (<see cref="IVirtqueue.TryStartChain"/>, three <see cref="IVirtqueue.AddDescriptor"/>,
/// <see cref="IVirtqueue.MakeAvailable"/>), on the split and the packed ring: two queues given the same requests,
/// publications and frees in the same random order must hold the same bytes, shared (descriptors, available ring or
/// descriptor ring and event structures) and private (links, chain lengths and ends; free ids, slots per id), after
/// every step; with and without indirect tables.</summary>
public unsafe class FramedRequestTests
{
    const ulong SlotsBus = 0x8000_0000;
    const uint SlotStride = 24;
    const uint HeaderLength = 16;
    const uint StatusOffset = 16;

    [Theory]
    [InlineData(4, false, false)]
    [InlineData(128, false, false)]
    [InlineData(128, true, false)]
    [InlineData(8, true, false)]
    [InlineData(4, false, true)]
    [InlineData(8, false, true)]
    [InlineData(128, false, true)]
    [InlineData(128, true, true)]
    [InlineData(8, true, true)]
    public void FramedRequestsWriteWhatTheGeneralCallsWrite(int size, bool indirect, bool packed)
    {
        using var general = new QueueMemory(size, indirect, packed);
        using var framed = new QueueMemory(size, indirect, packed);
        var random = new Random(size * 4 + (indirect ? 1 : 0) + (packed ? 2 : 0));
        var held = new List<ushort>();
        int refused = 0;
        for (int step = 0; step < 5_000; step++)
        {
            if (held.Count != 0 && random.Next(3) == 0)
            {
                int pick = random.Next(held.Count);
                ushort id = held[pick];
                held.RemoveAt(pick);
                Assert.True(general.Queue.FreeChain(id));
                Assert.True(framed.Queue.FreeChain(id));
                framed.AssertSameBytes(general);
                continue;
            }

            if (random.Next(4) == 0)
            {
                // The packed ring holds the batch's first flags back until here; the split ring writes its index.
                Assert.Equal(general.Queue.Publish(), framed.Queue.Publish());
                framed.AssertSameBytes(general);
                continue;
            }

            ulong dataBus = 0x1_0000ul * (ulong)random.Next(1, 1000);
            uint dataLength = 512u * (uint)random.Next(1, 9);
            bool dataWrites = random.Next(2) == 0;
            bool tookGeneral = general.Queue.TryStartChain(3, out ushort generalId);
            bool tookFramed = framed.Queue.TryAddFramed(SlotsBus, SlotStride, HeaderLength, StatusOffset, dataBus, dataLength,
                dataWrites, out ushort framedId);
            Assert.Equal(tookGeneral, tookFramed);
            if (!tookGeneral)
            {
                refused++;
                continue;
            }

            Assert.Equal(generalId, framedId);
            ulong slotBus = SlotsBus + (ulong)(generalId * SlotStride);
            general.Queue.AddDescriptor(slotBus, HeaderLength, deviceWrites: false);
            general.Queue.AddDescriptor(dataBus, dataLength, dataWrites);
            general.Queue.AddDescriptor(slotBus + StatusOffset, 1, deviceWrites: true);
            general.Queue.MakeAvailable();
            framed.AssertSameBytes(general);
            held.Add(generalId);
        }

        Assert.NotEqual(0, refused);   // the full queue was reached: the refusal was compared too
    }

    /// <summary>One queue over its own memory: shared area, private area and (when indirect) the tables.</summary>
    sealed class QueueMemory : IDisposable
    {
        readonly byte* _shared;
        readonly nuint _sharedBytes;
        readonly byte* _private;
        readonly nuint _privateBytes;
        readonly byte* _tables;
        readonly nuint _tableBytes;
        Virtqueue _queue;

        public QueueMemory(int size, bool indirect, bool packed)
        {
            _sharedBytes = Virtqueue.SharedBytes((uint)size, packed);
            _privateBytes = Virtqueue.PrivateBytes((uint)size, packed);
            _tableBytes = Virtqueue.IndirectBytes((uint)size);
            _shared = (byte*)NativeMemory.AlignedAlloc(_sharedBytes, 4096);
            _private = (byte*)NativeMemory.AlignedAlloc(_privateBytes, 16);
            _tables = (byte*)NativeMemory.AlignedAlloc(_tableBytes, 16);
            NativeMemory.Clear(_shared, _sharedBytes);
            NativeMemory.Clear(_private, _privateBytes);
            NativeMemory.Clear(_tables, _tableBytes);
            _queue = Virtqueue.Create(_shared, (ushort*)_private, (ushort)size, packed);
            _queue.UseFeatures(false, indirect ? (VirtqDesc*)_tables : null, 0x4000_0000);
        }

        public ref Virtqueue Queue => ref _queue;

        public void AssertSameBytes(QueueMemory other)
        {
            Assert.True(new Span<byte>(_shared, (int)_sharedBytes).SequenceEqual(new Span<byte>(other._shared, (int)other._sharedBytes)));
            Assert.True(new Span<byte>(_private, (int)_privateBytes).SequenceEqual(new Span<byte>(other._private, (int)other._privateBytes)));
            Assert.True(new Span<byte>(_tables, (int)_tableBytes).SequenceEqual(new Span<byte>(other._tables, (int)other._tableBytes)));
            Assert.Equal(other._queue.FreeCount, _queue.FreeCount);
            if (_queue.IsPacked)
            {
                Assert.Equal(other._queue.Packed.AvailPos, _queue.Packed.AvailPos);
                Assert.Equal(other._queue.Packed.AvailWrap, _queue.Packed.AvailWrap);
            }
            else
            {
                Assert.Equal(other._queue.Split.AvailIdx, _queue.Split.AvailIdx);
            }
        }

        public void Dispose()
        {
            NativeMemory.AlignedFree(_shared);
            NativeMemory.AlignedFree(_private);
            NativeMemory.AlignedFree(_tables);
        }
    }
}
