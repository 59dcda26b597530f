namespace Kernel.Processes;

using Kernel.Drivers.Virtio;
using Kernel.Output;
using Kernel.Platform;
using Kernel.Storage;
using UserAbi;

/// <summary>The system calls blkdiscard, blkzero and blkcache (docs/abi.md): the kernel shell's <c>blk discard</c>,
/// <c>blk zero</c> and <c>blk cache</c> for a user program, on the block layer <see cref="BlockCalls"/> holds, one
/// process at a time inside the driver (<see cref="BlockCalls.Lock"/>). No user memory is touched: sectors, counts
/// and modes are numbers.</summary>
public static class BlockRangeCalls
{
    public static nint Discard(int device, ulong sector, ulong count) => BlockCalls.UsesInterrupts
        ? Range<InterruptWait>(device, sector, count, discard: true, unmap: false)
        : Range<PollingWait>(device, sector, count, discard: true, unmap: false);

    public static nint Zero(int device, ulong sector, ulong count, bool unmap) => BlockCalls.UsesInterrupts
        ? Range<InterruptWait>(device, sector, count, discard: false, unmap)
        : Range<PollingWait>(device, sector, count, discard: false, unmap);

    public static nint Cache(int device, nuint mode) => BlockCalls.UsesInterrupts
        ? Cache<InterruptWait>(device, mode)
        : Cache<PollingWait>(device, mode);

    static nint Range<TWait>(int device, ulong sector, ulong count, bool discard, bool unmap)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (!BlockCalls.Exists<TWait>(device))
        {
            return (nint)SystemCallError.NoDevice;
        }

        BlockCalls.Lock();
        ref BlockDevice<TWait> entry = ref BlockCalls.Table<TWait>()[device];
        BlockError error = discard ? entry.Driver.Discard(sector, count) : entry.Driver.WriteZeroes(sector, count, unmap);
        nint result = error == BlockError.None ? 0 : BlockCalls.Failure(ref entry, error);
        BlockCalls.Unlock();
        return result;
    }

    static nint Cache<TWait>(int device, nuint mode)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (!BlockCalls.Exists<TWait>(device))
        {
            return (nint)SystemCallError.NoDevice;
        }

        if (mode > BlockCacheMode.Writeback)
        {
            return (nint)SystemCallError.OutOfRange;
        }

        BlockCalls.Lock();
        ref BlockDevice<TWait> entry = ref BlockCalls.Table<TWait>()[device];
        nint result = 0;
        if (mode != BlockCacheMode.Ask)
        {
            BlockError error = entry.Driver.SetWritebackCache(mode == BlockCacheMode.Writeback);
            if (error != BlockError.None)
            {
                result = BlockCalls.Failure(ref entry, error);
            }
        }

        if (result == 0)
        {
            result = (entry.Driver.IsWritebackCache() ? BlockCacheMode.IsWriteback : 0) |
                (entry.Driver.CacheModeSwitchable ? BlockCacheMode.IsSwitchable : 0);
        }

        BlockCalls.Unlock();
        return result;
    }
}
