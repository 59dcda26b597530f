namespace Kernel.Bench;

using Kernel.Drivers.Virtio;
using Kernel.Memory;

/// <summary>
/// The benchmark's memory, from the page allocator once (it never frees; the shell's <c>bench</c> reuses it):
/// <see cref="MaxDepth"/> request buffers of <see cref="MaxSize"/> bytes (4 MiB), one more to read back into when
/// verifying, the sector template of the current write case, a map from the driver's tokens to buffers, and the
/// bitmap of the sectors a write case wrote (one bit per sector of the disk; grown when a larger disk needs more).
/// </summary>
public static unsafe class BenchWorkspace
{
    public const uint SectorSize = 512;

    /// <summary>The largest request: 64 KiB.</summary>
    public const uint MaxSize = 65536;

    /// <summary>The deepest queue a case asks for, and so the number of request buffers.</summary>
    public const int MaxDepth = 64;

    /// <summary>8-byte words in a sector.</summary>
    public const int WordsPerSector = (int)(SectorSize / sizeof(ulong));

    /// <summary>Verification reads the disk back in chunks of <see cref="MaxSize"/>.</summary>
    public const uint ChunkSectors = MaxSize / SectorSize;

    static byte* s_buffers;
    static byte* s_verify;
    static ulong* s_template;
    static byte* s_slotOfToken;
    static byte* s_written;
    static ulong s_writtenBytes;

    /// <summary>Request buffer <c>i</c> is at <c>Buffers + i * MaxSize</c>.</summary>
    public static byte* Buffers => s_buffers;

    public static byte* VerifyBuffer => s_verify;

    /// <summary>The current write case's sector template: words 2 to 63 of every sector it writes.</summary>
    public static ulong* Template => s_template;

    /// <summary>Indexed by the driver's token (below the queue size): the buffer of the request in flight.</summary>
    public static byte* SlotOfToken => s_slotOfToken;

    /// <summary>One bit per sector: written by the current write case.</summary>
    public static byte* Written => s_written;

    /// <summary>Allocates what is missing for a disk of <paramref name="capacitySectors"/> sectors. False when the
    /// page allocator has not enough left.</summary>
    public static bool TryPrepare(ulong capacitySectors)
    {
        PageAllocator memory = default;
        if (s_buffers == null)
        {
            byte* buffers = (byte*)memory.AllocateZeroed((nuint)MaxDepth * MaxSize, PageAllocator.PageSize);
            byte* verify = (byte*)memory.AllocateZeroed(MaxSize, PageAllocator.PageSize);
            ulong* template = (ulong*)memory.AllocateZeroed(SectorSize, sizeof(ulong));
            byte* map = (byte*)memory.AllocateZeroed(VirtioBlk<Platform.MmioRegisters, PageAllocator, Platform.PollingWait>.MaxQueueSize, 1);
            if (buffers == null || verify == null || template == null || map == null)
            {
                return false;
            }

            s_buffers = buffers;
            s_verify = verify;
            s_template = template;
            s_slotOfToken = map;
        }

        ulong bitmapBytes = (capacitySectors + 7) / 8;
        if (bitmapBytes > s_writtenBytes)
        {
            if (bitmapBytes > nuint.MaxValue)
            {
                return false;
            }

            byte* written = (byte*)memory.AllocateZeroed((nuint)bitmapBytes, sizeof(ulong));
            if (written == null)
            {
                return false;
            }

            s_written = written;
            s_writtenBytes = bitmapBytes;
        }

        return true;
    }
}
